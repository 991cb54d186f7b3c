"""Bringing articles in: reading files and web pages into text the desk can split into claims."""
