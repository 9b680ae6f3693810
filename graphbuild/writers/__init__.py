"""Writers: the only modules that touch files, Neo4j or pyvis."""
