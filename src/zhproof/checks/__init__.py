"""Rules with real logic, one module each; every module defines ``RULE``."""
