// Draws the maps on directory pages with Leaflet (loaded before this file).
// Progressive enhancement: the map stays hidden without JavaScript, and it
// adds nothing the page does not already say. Markers are numbered like the
// results list and are not interactive, so they are neither keyboard stops
// nor small touch targets; the list is where people act.
const L = window.L;

function markerIcon(marker) {
  return L.divIcon({
    className: "app-map-marker",
    html: `<span>${marker.label ? String(Number(marker.label)) : ""}</span>`,
    iconSize: [28, 28],
    iconAnchor: [14, 14],
  });
}

function drawMap(element) {
  const source = document.getElementById(element.dataset.mapMarkers);
  if (!L || !source) return;
  const data = JSON.parse(source.textContent);
  const markers = Array.isArray(data) ? data : [data];
  if (!markers.length) return;

  element.hidden = false;
  const map = L.map(element, { scrollWheelZoom: false });
  if (element.dataset.mapTiles) {
    L.tileLayer(element.dataset.mapTiles, {
      attribution: element.dataset.mapAttribution,
      maxZoom: 18,
    }).addTo(map);
  }
  const layer = L.featureGroup(
    markers.map((marker) =>
      L.marker([marker.lat, marker.lng], {
        icon: markerIcon(marker),
        interactive: false,
        keyboard: false,
      }),
    ),
  ).addTo(map);
  map.fitBounds(layer.getBounds(), { maxZoom: 15, padding: [24, 24] });
}

document.querySelectorAll("[data-map-markers]").forEach(drawMap);
