"""What readers see: the public pages, feeds and sitemap, and the page cache in front of them."""
