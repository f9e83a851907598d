// The directory's maps (issue 20), built by build.mjs into directory/static/directory/map.js.
//
// Two kinds of map, both configured by data attributes the templates write, with no inline
// script (the strict CSP) and nothing needed without JavaScript:
// - [data-map="directory"]: the filtered actors on /directory/, behind a "show the map" button;
//   its markers come from /api/v1/actors/geojson/ with the page's own query string, clustered.
// - [data-map="locations"]: a profile's places; the markers are its [data-lat][data-lon] items,
//   so no request is made.
// Tiles come from data-tiles (settings.MAP_TILE_URL) with data-attribution.
import * as L from "leaflet";
import { MarkerClusterGroup } from "leaflet.markercluster";
import "leaflet/dist/leaflet.css";
import "leaflet.markercluster/dist/MarkerCluster.Default.css";
import "./map.css";

// The Burgenlandkreis, for a map with nothing on it yet.
const DISTRICT = [51.1, 11.95];
const DISTRICT_ZOOM = 10;
const PLACE_ZOOM = 15;
const OPEN_KEY = "directory-map-open";

// Whether the visitor left the map open, kept for the session; storage may be refused.
function remember(open) {
  try {
    if (open) sessionStorage.setItem(OPEN_KEY, "1");
    else sessionStorage.removeItem(OPEN_KEY);
  } catch {
    // The map then starts closed on the next page, as it would anyway.
  }
}

function remembered() {
  try {
    return sessionStorage.getItem(OPEN_KEY) === "1";
  } catch {
    return false;
  }
}

function icon(element) {
  return L.icon({
    iconUrl: element.dataset.icon,
    iconRetinaUrl: element.dataset.icon2x,
    shadowUrl: element.dataset.shadow,
    iconSize: [25, 41],
    iconAnchor: [12, 41],
    popupAnchor: [1, -34],
    tooltipAnchor: [16, -28],
    shadowSize: [41, 41],
  });
}

function createMap(canvas, config) {
  const map = L.map(canvas, {
    // The page scrolls under the wheel; the map zooms with its buttons, keys and pinching.
    scrollWheelZoom: false,
    zoomControl: true,
    attributionControl: true,
  });
  map.attributionControl.setPrefix(
    '<a href="https://leafletjs.com" hreflang="en">Leaflet</a>',
  );
  L.tileLayer(config.tiles, {
    attribution: config.attribution,
    maxZoom: 19,
  }).addTo(map);
  // The zoom buttons are links to "#": name them in the page's language.
  const zoomIn = canvas.querySelector(".leaflet-control-zoom-in");
  const zoomOut = canvas.querySelector(".leaflet-control-zoom-out");
  if (zoomIn && config.zoomIn) {
    zoomIn.title = config.zoomIn;
    zoomIn.setAttribute("aria-label", config.zoomIn);
  }
  if (zoomOut && config.zoomOut) {
    zoomOut.title = config.zoomOut;
    zoomOut.setAttribute("aria-label", config.zoomOut);
  }
  return map;
}

function text(tag, content, className) {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className) element.className = className;
  return element;
}

function frame(map, points) {
  if (points.length === 1) {
    map.setView(points[0], PLACE_ZOOM);
  } else if (points.length > 1) {
    map.fitBounds(L.latLngBounds(points), { padding: [48, 48], maxZoom: PLACE_ZOOM });
  } else {
    map.setView(DISTRICT, DISTRICT_ZOOM);
  }
}

// --- the directory ------------------------------------------------------------------------------

function popup(section, properties) {
  const box = document.createElement("div");
  box.className = "map-popup";
  const heading = document.createElement("p");
  heading.className = "map-popup__name";
  const link = document.createElement("a");
  link.href = section.dataset.profileUrl.replace("__slug__", encodeURIComponent(properties.slug));
  link.textContent = properties.name;
  heading.append(link);
  box.append(heading);
  const kinds = JSON.parse(section.dataset.kinds || "{}");
  const place = [properties.street, [properties.postcode, properties.town].join(" ").trim()];
  if (properties.municipality && properties.municipality.name !== properties.town) {
    place.push(properties.municipality.name);
  }
  if (properties.location_name) box.append(text("p", properties.location_name));
  box.append(text("p", place.filter(Boolean).join(", ")));
  if (kinds[properties.kind]) box.append(text("p", kinds[properties.kind], "map-popup__kind"));
  if (properties.open_now) box.append(text("p", section.dataset.openNow, "map-popup__open"));
  return box;
}

async function showActors(section, map, status) {
  const url = `${section.dataset.geojson}${window.location.search}`;
  status.textContent = section.dataset.loading;
  let collection;
  try {
    const response = await fetch(url, { headers: { Accept: "application/geo+json" } });
    if (!response.ok) throw new Error(String(response.status));
    collection = await response.json();
  } catch {
    status.textContent = section.dataset.failed;
    frame(map, []);
    return;
  }
  const pattern = section.dataset.clusterLabel;
  const clusters = new MarkerClusterGroup({
    showCoverageOnHover: false,
    clusterLabel: (cluster) => pattern.replace("__count__", String(cluster.getChildCount())),
  });
  const points = [];
  const markerIcon = icon(section);
  for (const feature of collection.features) {
    const [longitude, latitude] = feature.geometry.coordinates;
    const point = [latitude, longitude];
    points.push(point);
    const marker = L.marker(point, {
      icon: markerIcon,
      title: feature.properties.name,
      alt: feature.properties.name,
      keyboard: true,
    });
    marker.bindPopup(() => popup(section, feature.properties));
    clusters.addLayer(marker);
  }
  map.addLayer(clusters);
  frame(map, points);
  section.dataset.markers = String(points.length);
  // No plural forms needed: "places on the map: 3" reads in every language.
  status.textContent = section.dataset.count.replace("__count__", String(points.length));
}

function directoryMap(section) {
  const button = section.querySelector("[data-map-toggle]");
  const canvas = section.querySelector("[data-map-canvas]");
  const status = section.querySelector("[data-map-status]");
  let map = null;

  function open(keep) {
    canvas.hidden = false;
    button.setAttribute("aria-expanded", "true");
    button.textContent = section.dataset.hide;
    if (keep) remember(true);
    if (map) {
      map.invalidateSize();
      return;
    }
    map = createMap(canvas, {
      tiles: section.dataset.tiles,
      attribution: section.dataset.attribution,
      zoomIn: section.dataset.zoomIn,
      zoomOut: section.dataset.zoomOut,
    });
    showActors(section, map, status);
  }

  function close() {
    canvas.hidden = true;
    button.setAttribute("aria-expanded", "false");
    button.textContent = section.dataset.show;
    remember(false);
  }

  button.addEventListener("click", () => {
    if (canvas.hidden) open(true);
    else close();
  });
  section.hidden = false;
  if (remembered() || window.location.hash === `#${section.id}`) open(false);
}

// --- a profile's places -------------------------------------------------------------------------

function locationsMap(element) {
  const canvas = element.querySelector("[data-map-canvas]");
  const places = [...element.querySelectorAll("[data-lat][data-lon]")];
  if (!places.length) return;
  element.hidden = false;
  const map = createMap(canvas, {
    tiles: element.dataset.tiles,
    attribution: element.dataset.attribution,
    zoomIn: element.dataset.zoomIn,
    zoomOut: element.dataset.zoomOut,
  });
  const markerIcon = icon(element);
  const points = places.map((place) => {
    const point = [Number(place.dataset.lat), Number(place.dataset.lon)];
    L.marker(point, { icon: markerIcon, title: place.dataset.label, alt: place.dataset.label })
      .bindPopup(() => text("p", place.dataset.label, "map-popup__name"))
      .addTo(map);
    return point;
  });
  frame(map, points);
  element.dataset.markers = String(points.length);
}

function start() {
  for (const section of document.querySelectorAll('[data-map="directory"]')) directoryMap(section);
  for (const element of document.querySelectorAll('[data-map="locations"]')) locationsMap(element);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
