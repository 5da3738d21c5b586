"""documents layer of advisor_desk."""
