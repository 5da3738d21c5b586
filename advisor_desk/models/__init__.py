"""models layer of advisor_desk."""
