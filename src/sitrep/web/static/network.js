// The relation network (cytoscape.js) from /api/relations/graph; a click on an actor opens its page.
// Labels are set as data and drawn on a canvas by cytoscape, never parsed as HTML.
(function () {
  "use strict";
  var box = document.getElementById("network");
  if (!box) { return; }
  var FRIENDLY = ["alliance", "allegiance", "cooperation", "funding", "affiliation", "merger", "faction_of"];
  var HOSTILE = ["hostility", "rivalry", "state_action_against", "splinter"];

  fetch(box.dataset.graph).then(function (r) { return r.json(); }).then(function (graph) {
    if (!graph.nodes.length) {
      box.classList.add("empty-network");
      box.textContent = "No relation between organisations yet.";
      box.dataset.loaded = "0";
      return;
    }
    var elements = graph.nodes.map(function (node) {
      return { group: "nodes", data: { id: node.id, label: node.label, kind: node.kind,
                                       focus: node.id === box.dataset.focus ? "yes" : "no" } };
    }).concat(graph.edges.map(function (edge) {
      var tone = HOSTILE.indexOf(edge.relation) >= 0 ? "hostile" : FRIENDLY.indexOf(edge.relation) >= 0 ? "friendly" : "other";
      return { group: "edges", data: { id: edge.id, source: edge.source, target: edge.target,
                                       label: edge.relation.replace(/_/g, " "), weight: edge.weight, tone: tone,
                                       arrow: edge.directed ? "triangle" : "none" } };
    }));
    var cy = cytoscape({
      container: box,
      elements: elements,
      // Spread out: cytoscape's defaults pack a few dozen labelled nodes into an unreadable knot.
      layout: { name: "cose", animate: false, padding: 30, randomize: false, nodeRepulsion: 400000,
                idealEdgeLength: 100, edgeElasticity: 100, nodeOverlap: 20, componentSpacing: 100, gravity: 80,
                numIter: 1000 },
      maxZoom: 1.5,  // a graph of three actors should not fill the box with 60px labels
      style: [
        { selector: "node", style: { "label": "data(label)", "background-color": "#4a6fa5", "color": "#1d2330",
                                     "font-size": 11, "text-valign": "bottom", "text-margin-y": 4,
                                     "width": 18, "height": 18, "text-wrap": "wrap", "text-max-width": 120 } },
        { selector: "node[focus = 'yes']", style: { "background-color": "#c0392b", "width": 26, "height": 26 } },
        { selector: "edge", style: { "width": "mapData(weight, 1, 5, 1.5, 6)", "curve-style": "bezier",
                                     "target-arrow-shape": "data(arrow)", "label": "data(label)", "font-size": 8,
                                     "color": "#777", "text-rotation": "autorotate", "line-color": "#999",
                                     "target-arrow-color": "#999" } },
        { selector: "edge[tone = 'hostile']", style: { "line-color": "#c0392b", "target-arrow-color": "#c0392b" } },
        { selector: "edge[tone = 'friendly']", style: { "line-color": "#2e8b57", "target-arrow-color": "#2e8b57" } }
      ]
    });
    cy.on("tap", "node", function (event) {
      window.location.href = "/actors/" + encodeURIComponent(event.target.id());
    });
    box.dataset.loaded = String(graph.nodes.length);
  });
}());
