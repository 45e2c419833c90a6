# Apply a commit plan staged in <urn:eitkg:staging:curation:plan>, in ONE SPARQL update: oxigraph runs
# an update request in one transaction, so the store goes from the old state to the new one
# whole or not at all, even if the process is killed. The plan names graphs and subjects as
# data (urn:eitkg:plan# terms); no value is ever spliced into this text.
# Steps run in this order: archive, replace, drop, forget, add, then the staged graphs and the
# plan are emptied (eitkg.curation.commit drops their names afterwards).
PREFIX plan: <urn:eitkg:plan#>

# 1. archive: copy a live graph into a version graph (emptied first)
DELETE { GRAPH ?to { ?s ?p ?o } }
WHERE { GRAPH <urn:eitkg:staging:curation:plan> { ?step plan:archive ?from ; plan:to ?to }
        GRAPH ?to { ?s ?p ?o } } ;
INSERT { GRAPH ?to { ?s ?p ?o } }
WHERE { GRAPH <urn:eitkg:staging:curation:plan> { ?step plan:archive ?from ; plan:to ?to }
        GRAPH ?from { ?s ?p ?o } } ;

# 2. replace: empty a graph, then copy a staged (or archived) graph into it
DELETE { GRAPH ?to { ?s ?p ?o } }
WHERE { GRAPH <urn:eitkg:staging:curation:plan> { ?step plan:replace ?from ; plan:to ?to }
        GRAPH ?to { ?s ?p ?o } } ;
INSERT { GRAPH ?to { ?s ?p ?o } }
WHERE { GRAPH <urn:eitkg:staging:curation:plan> { ?step plan:replace ?from ; plan:to ?to }
        GRAPH ?from { ?s ?p ?o } } ;

# 3. drop: empty a graph (an old version)
DELETE { GRAPH ?g { ?s ?p ?o } }
WHERE { GRAPH <urn:eitkg:staging:curation:plan> { ?step plan:drop ?g }
        GRAPH ?g { ?s ?p ?o } } ;

# 4. forget: remove what a graph says about one subject (a catalogue record)
DELETE { GRAPH ?g { ?subject ?p ?o } }
WHERE { GRAPH <urn:eitkg:staging:curation:plan> { ?step plan:forget ?subject ; plan:in ?g }
        GRAPH ?g { ?subject ?p ?o } } ;

# 5. add: copy a staged graph into a graph, keeping what it holds
INSERT { GRAPH ?to { ?s ?p ?o } }
WHERE { GRAPH <urn:eitkg:staging:curation:plan> { ?step plan:add ?from ; plan:to ?to }
        GRAPH ?from { ?s ?p ?o } } ;

# 6. empty the staged graphs, then the plan
DELETE { GRAPH ?g { ?s ?p ?o } }
WHERE { GRAPH <urn:eitkg:staging:curation:plan> { ?step plan:staged ?g }
        GRAPH ?g { ?s ?p ?o } } ;
CLEAR SILENT GRAPH <urn:eitkg:staging:curation:plan>
