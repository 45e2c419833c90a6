// Draws the sites of a resource page on a Leaflet map. The page lists the same coordinates
// in a table, so it stays readable without JavaScript, Leaflet or a reachable tile server.
(function () {
  "use strict";
  var element = document.getElementById("map");
  if (!element || typeof L === "undefined") { return; }
  var points = JSON.parse(element.getAttribute("data-points") || "[]");
  if (!points.length) { return; }
  var map = L.map(element, { scrollWheelZoom: false });
  var tiles = element.getAttribute("data-tiles");
  if (tiles) {
    L.tileLayer(tiles, {
      maxZoom: 19,
      attribution: element.getAttribute("data-attribution") || ""
    }).addTo(map);
  }
  var bounds = [];
  points.forEach(function (p) {
    var marker = L.circleMarker([p.lat, p.long], {
      radius: p.own ? 9 : 6,
      color: p.own ? "#b3261e" : "#1d5fa7",
      weight: 2,
      fillOpacity: p.own ? 0.8 : 0.5
    }).addTo(map);
    var link = document.createElement("a");
    link.href = p.url;
    link.textContent = p.label;  // textContent: labels are never parsed as HTML
    marker.bindPopup(link);
    bounds.push([p.lat, p.long]);
  });
  if (bounds.length === 1) { map.setView(bounds[0], 14); } else { map.fitBounds(bounds, { padding: [24, 24] }); }
  element.setAttribute("data-ready", "true");
})();
