"""RDF building blocks: IRI minting, formats, parsing and serialising."""
