"""ui layer of advisor_desk."""
