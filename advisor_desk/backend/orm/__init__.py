"""backend orm layer of advisor_desk."""
