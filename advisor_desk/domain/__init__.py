"""domain layer of advisor_desk."""
