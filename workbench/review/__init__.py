"""The weekly review (周复盘) and its .xlsx export: plain Python, no Qt."""
