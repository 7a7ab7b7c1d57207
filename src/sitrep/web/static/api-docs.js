// Swagger UI on our OpenAPI description, from the locally installed swagger-ui-dist (no CDN, no inline script).
(function () {
  "use strict";
  var box = document.getElementById("swagger-ui");
  SwaggerUIBundle({ url: box.dataset.spec, domNode: box, deepLinking: false });
}());
