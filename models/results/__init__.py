"""Index and ranking computed in the database, and the reads over them."""
