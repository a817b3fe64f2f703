"""The Qt face of the program: it only calls services, so everything here can be bypassed."""
