// The SPARQL editor: YASGUI on this server's /sparql, one tab per named query of queries/.
// No persistence: every visit starts from the shipped queries. No remote autocompletion.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("eitkg-query-config").textContent);
  var endpoint = config.endpoint;
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    persistenceId: null,
    autoAddOnInit: false,
    populateFromUrl: false,
    endpointCatalogueOptions: {
      getData: function () { return [{ endpoint: endpoint }]; }
    },
    yasqe: { autocompleters: ["variables", "prefixes"] }
  });
  var first = yasgui.addTab(true, {
    name: "SPARQL",
    requestConfig: { endpoint: endpoint, method: "POST" },
    yasqe: {
      value: "PREFIX eit: <https://w3id.org/eitkg/ontology#>\n" +
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n\n" +
        "SELECT ?actor ?label WHERE {\n  ?actor a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* eit:Actor ;\n" +
        "         skos:prefLabel ?label .\n}\nORDER BY ?label\nLIMIT 100\n"
    }
  });
  config.tabs.forEach(function (tab) {
    yasgui.addTab(false, {
      name: tab.name,
      requestConfig: { endpoint: endpoint, method: "POST" },
      yasqe: { value: tab.query }
    });
  });
  yasgui.selectTabId(first.getId());
  window.eitkgYasgui = yasgui;
  document.getElementById("yasgui").setAttribute("data-ready", "true");
})();
