"""Knowledge base: reading an article, writing one."""
