"""backend layer of advisor_desk."""
