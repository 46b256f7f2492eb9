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

// Shades for the "Where help is needed" map's areas, by fifth (band 1 is
// the most need); the same as the key's swatches in _neighbourhoods.scss.
const BAND_COLOURS = ["#54278f", "#756bb1", "#9e9ac8", "#cbc9e2", "#f2f0f7"];

function areaLayer(element) {
  const source = document.getElementById(element.dataset.mapAreas || "");
  if (!source) return null;
  return L.geoJSON(JSON.parse(source.textContent), {
    interactive: false,
    style: (feature) => ({
      color: "#0b0c0c",
      weight: 1,
      fillOpacity: 0.7,
      fillColor: BAND_COLOURS[(feature.properties.band || 5) - 1] || "#ffffff",
    }),
  });
}

function drawMap(element) {
  const source = document.getElementById(element.dataset.mapMarkers);
  if (!L || !source) return;
  const data = JSON.parse(source.textContent);
  const markers = Array.isArray(data) ? data : [data];
  const areas = areaLayer(element);
  if (!markers.length && !areas) return;

  element.hidden = false;
  const key = document.querySelector(`[data-map-key="${element.id}"]`);
  if (key) key.hidden = false;
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
  );
  if (areas) areas.addTo(map);
  layer.addTo(map);
  const bounds = areas ? areas.getBounds() : layer.getBounds();
  map.fitBounds(bounds, { maxZoom: 15, padding: [24, 24] });
}

document.querySelectorAll("[data-map-markers]").forEach(drawMap);
