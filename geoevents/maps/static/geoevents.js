/* geoevents map runtime: builds the layers of a map from its embedded payload.
 *
 * Every piece of text from documents (sentences, actors, place names, ids) is put into the
 * page with textContent or as a DOM text node, never as HTML. Layers go into the folium
 * FeatureGroups named in `groups`, so folium's layer control toggles them.
 */
(function () {
  "use strict";

  var G = (window.geoevents = window.geoevents || {});
  G.ready = false;

  var GEO_PRECISION = {
    1: "exact place",
    2: "near a place or part of a region",
    3: "region, province or country",
  };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function loadPayload(node) {
    var encoding = node.getAttribute("data-encoding");
    var text = node.textContent;
    if (encoding === "json") return Promise.resolve(JSON.parse(text));
    if (encoding !== "gzip-base64") return Promise.reject(new Error("unknown payload encoding"));
    if (typeof DecompressionStream === "undefined") {
      return Promise.reject(new Error("this browser cannot inflate the map data (DecompressionStream)"));
    }
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  G.start = function (map, groups) {
    var node = document.getElementById("geoevents-data");
    return loadPayload(node)
      .then(function (data) {
        performance.mark("geoevents:data");
        build(map, data, groups);
      })
      .catch(function (err) {
        var box = el("div", "ge-error", "The map data could not be loaded: " + err.message);
        map.getContainer().appendChild(box);
        throw err;
      });
  };

  function build(map, data, groups) {
    var S = data.strings;
    function str(i) {
      return i >= 0 ? S[i] : null;
    }
    G.map = map;
    G.data = data;

    map.createPane("ge-basemap").style.zIndex = 250;
    map.createPane("ge-labels").style.zIndex = 390;
    map.createPane("ge-areas").style.zIndex = 410;
    map.createPane("ge-places").style.zIndex = 420;
    map.getPane("ge-labels").style.pointerEvents = "none";
    map.attributionControl.addAttribution(
      "Countries, lakes, admin-1: Natural Earth (public domain); rivers: GSHHG WDB II " +
      "(LGPL); place names: GeoNames (CC BY 4.0)");

    var countryStyle = { color: "#a9a39a", weight: 0.7, fillColor: "#f3efe6", fillOpacity: 1 };
    L.geoJSON(data.countries, {
      pane: "ge-basemap",
      interactive: false,
      renderer: L.canvas({ pane: "ge-basemap" }),
      style: countryStyle,
    }).addTo(groups.countries);

    if (data.lines) {
      var lineRenderer = L.canvas({ pane: "ge-basemap" });
      ["rivers", "lakes"].forEach(function (key) {
        if (!data.lines[key]) return;
        L.polyline(data.lines[key].map(latLngs), {
          pane: "ge-basemap", renderer: lineRenderer, interactive: false, color: "#6fa8dc",
          weight: 1, fill: false, className: "ge-" + key,
        }).addTo(groups.countries);
      });
      if (groups.admin1 && data.lines.admin1) {
        L.polyline(data.lines.admin1.map(latLngs), {
          pane: "ge-basemap", renderer: lineRenderer, interactive: false, color: "#8c7b6b",
          weight: 1, dashArray: "5 3",
        }).addTo(groups.admin1);
      }
    }
    buildLabels(map, data.labels, groups.labels);

    var places = data.places;
    buildAreas(map, data, groups.areas, str);
    G.placeMarkers = buildPlaces(map, places, groups.places, str);

    var ev = data.events;
    var n = ev.lat.length;
    var days = data.days || [0, 0];
    /* What the filter panel and the timeline select; an event is shown when its type's
       layer is on and it passes all of these. */
    var filter = { from: days[0], to: days[1], undated: true, actor: "", area: "", sub: -1, minFat: 0 };
    G.filter = filter;
    /* One icon per type, geo-precision and fatality class: markers located only near a
       place (2) or to a region or country (3) get a dashed, fainter disc; the disc grows
       with the number of people killed. */
    var icons = {};
    function iconFor(k, precision, size) {
      var key = k + ":" + precision + ":" + size;
      if (!icons[key]) {
        icons[key] = L.divIcon({
          className: "ge-marker ge-t" + k + (precision > 1 ? " ge-p" + precision : "") + " ge-s" + size,
          html: data.types[k].icon,
          iconSize: [size, size],
          iconAnchor: [size / 2, size / 2],
          popupAnchor: [0, -size / 2],
        });
      }
      return icons[key];
    }
    var markers = new Array(n);
    for (var i = 0; i < n; i++) {
      var size = markerSize(ev.fat[i]);
      var m = L.marker([ev.lat[i], ev.lon[i]], { icon: iconFor(ev.type[i], ev.geo[i] || 1, size), keyboard: false });
      m.geIndex = i;
      markers[i] = m;
    }
    G.markers = markers;
    performance.mark("geoevents:markers");

    /* One cluster group for all types, so that events of different types at the same
       place cluster (and spread out) together; each type's folium layer only switches its
       markers in and out. A cluster icon is a pie of the types it holds. */
    var cluster = L.markerClusterGroup({
      chunkedLoading: true,
      chunkInterval: 250,
      chunkDelay: 1,
      showCoverageOnHover: false,
      maxClusterRadius: 45,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: clusterIcon,
    });
    cluster.on("click", function (e) {
      openEvent(e.layer);
    });
    cluster.addTo(map);
    G.cluster = cluster;
    var typeOn = groups.types.map(function (group, k) {
      group.on("add", function () {
        typeOn[k] = true;
        toggleType(k);
      });
      group.on("remove", function () {
        typeOn[k] = false;
        toggleType(k);
      });
      return map.hasLayer(group);
    });

    function clusterIcon(c) {
      var counts = data.types.map(function () {
        return 0;
      });
      var children = c.getAllChildMarkers();
      children.forEach(function (m) {
        counts[ev.type[m.geIndex]] += 1;
      });
      var total = children.length;
      var stops = [];
      var classes = "ge-cluster";
      var at = 0;
      counts.forEach(function (count, k) {
        if (!count) return;
        var from = at;
        at += (100 * count) / total;
        stops.push(data.types[k].color + " " + from.toFixed(2) + "% " + at.toFixed(2) + "%");
        classes += " ge-has-t" + k;
      });
      var size = total < 10 ? 30 : total < 100 ? 36 : total < 1000 ? 42 : 48;
      return L.divIcon({
        // colours are constants from geoevents.maps.style; the count is a number
        html: '<div class="ge-pie" style="background:conic-gradient(' + stops.join(",") +
          ')"></div><span>' + total + "</span>",
        className: classes,
        iconSize: [size, size],
      });
    }

    G.heat = L.heatLayer([], { radius: 18, blur: 16, maxZoom: 9, minOpacity: 0.25 });
    G.heat.addTo(groups.heat);

    new L.Control.MiniMap(
      L.geoJSON(data.countries, { style: countryStyle, interactive: false }),
      { position: "bottomright", toggleDisplay: false, width: 150, height: 110, zoomLevelOffset: -5 }
    ).addTo(map);
    addInfo(map, data);
    addSearch(map, data, str);
    if (n) addFilters(map, data, str, filter);

    if (data.bounds) {
      map.fitBounds(data.bounds, { padding: [30, 30], maxZoom: 10, animate: false });
    } else {
      map.setView([20, 0], 2, { animate: false });
    }

    function popupContent(i) {
      var box = el("div", "ge-popup");
      var t = data.types[ev.type[i]];
      var head = el("div", "ge-popup-head");
      var swatch = el("span", "ge-swatch ge-t" + ev.type[i]);
      swatch.innerHTML = t.icon; // a constant SVG from geoevents.maps.style
      head.appendChild(swatch);
      head.appendChild(el("strong", null, t.name));
      var sub = str(ev.sub[i]);
      if (sub) head.appendChild(el("span", "ge-sub", sub));
      box.appendChild(head);

      var table = el("table", "ge-fields");
      function row(label, value) {
        if (value === null || value === undefined || value === "") return;
        var tr = el("tr");
        tr.appendChild(el("th", null, label));
        tr.appendChild(el("td", null, value));
        table.appendChild(tr);
      }
      var date = str(ev.date[i]);
      var prec = str(ev.prec[i]);
      var dtext = str(ev.dtext[i]);
      row("Date", date ? date + (prec ? " (" + prec + ")" : "") + (dtext ? " \u2014 \u201c" + dtext + "\u201d" : "")
        : (dtext ? "\u201c" + dtext + "\u201d (unresolved)" : "unresolved"));
      var a1 = str(ev.a1[i]);
      var a2 = str(ev.a2[i]);
      row("Actors", a1 && a2 ? a1 + " \u2192 " + a2 : a1 || a2);
      row("Quantities", str(ev.qty[i]));
      row("Fatalities", ev.fat[i]);
      var loc = str(ev.loc[i]);
      var ltext = str(ev.ltext[i]);
      var role = str(ev.role[i]);
      row("Location", [loc, ltext && ltext !== loc ? "\u201c" + ltext + "\u201d" : null, role ? "(" + role + ")" : null]
        .filter(Boolean).join(" "));
      var geo = ev.geo[i];
      row("Geo-precision", geo ? geo + " \u2014 " + (GEO_PRECISION[geo] || "") : null);
      row("Admin", [str(ev.adm1[i]), str(ev.cc[i])].filter(Boolean).join(", "));
      row("Confidence", ev.conf[i]);
      var title = str(ev.title[i]);
      var url = str(ev.url[i]);
      var doc = str(ev.doc[i]);
      if (url && /^https?:\/\//i.test(url)) {
        var tr = el("tr");
        tr.appendChild(el("th", null, "Source"));
        var td = el("td");
        var link = el("a", "ge-source", title || url);
        link.href = url; // an http(s) URL (checked in Python and here), set as a property
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        td.appendChild(link);
        tr.appendChild(td);
        table.appendChild(tr);
      } else {
        row("Source", title || doc);
      }
      if (title || url) row("Document", doc);
      row("Event", ev.id[i]);
      box.appendChild(table);
      var reason = ev.reason[i];
      if (reason) {
        var why = el("div", "ge-reason");
        why.appendChild(el("strong", null, "Why: "));
        why.appendChild(document.createTextNode(reason));
        box.appendChild(why);
      }

      var sentence = ev.sent[i];
      if (sentence) {
        var quote = el("blockquote", "ge-sentence");
        var p = ev.tpos[i];
        var len = ev.tlen[i];
        if (p >= 0) {
          quote.appendChild(document.createTextNode(sentence.slice(0, p)));
          quote.appendChild(el("mark", "ge-trigger", sentence.slice(p, p + len)));
          quote.appendChild(document.createTextNode(sentence.slice(p + len)));
        } else {
          quote.textContent = sentence;
        }
        box.appendChild(quote);
      }
      return box;
    }

    var eventPopup = L.popup({ maxWidth: 380, minWidth: 240, offset: [0, -8] });
    function openEvent(marker) {
      eventPopup
        .setLatLng(marker.getLatLng())
        .setContent(popupContent(marker.geIndex))
        .openOn(map);
    }

    /* Show event i (zooming into its cluster if needed) and open its popup. */
    G.showEvent = function (i, done) {
      var marker = markers[i];
      if (!cluster.hasLayer(marker)) return false;
      cluster.zoomToShowLayer(marker, function () {
        openEvent(marker);
        if (done) done(marker);
      });
      return true;
    };

    /* Change some filter fields ({from, to, undated, actor, area, sub, minFat}) and
       redraw the markers, the heat map, the legend counts and the timeline. */
    G.setFilter = function (changes) {
      Object.keys(changes).forEach(function (key) {
        filter[key] = changes[key];
      });
      filter.actorKey = String(filter.actor || "").trim().toLowerCase();
      applyFilter();
    };

    var lower = {};
    function lowerString(k) {
      if (k < 0) return "";
      if (!(k in lower)) lower[k] = S[k].toLowerCase();
      return lower[k];
    }

    /* Whether event i passes the filter panel and the timeline (its type aside). */
    function inTime(i) {
      var d = ev.day[i];
      if (d < 0 ? !filter.undated : d < filter.from || d > filter.to) return false;
      if (filter.sub >= 0 && ev.sub[i] !== filter.sub) return false;
      if (filter.minFat > 0 && !(ev.fat[i] >= filter.minFat)) return false;
      if (filter.area) {
        var cc = str(ev.cc[i]) || "";
        var key = filter.area.indexOf("|") >= 0 ? cc + "|" + (str(ev.adm1[i]) || "") : cc;
        if (key !== filter.area) return false;
      }
      if (filter.actorKey) {
        if (lowerString(ev.a1[i]).indexOf(filter.actorKey) < 0 &&
            lowerString(ev.a2[i]).indexOf(filter.actorKey) < 0) return false;
      }
      return true;
    }
    G.passes = inTime;

    /* The legend's counts: events of each type that pass the filters. */
    function updateCounts() {
      var counts = data.types.map(function () {
        return 0;
      });
      for (var i = 0; i < n; i++) if (inTime(i)) counts[ev.type[i]] += 1;
      counts.forEach(function (count, k) {
        var total = data.types[k].count;
        var text = count === total ? "(" + total.toLocaleString("en") + ")"
          : "(" + count.toLocaleString("en") + " of " + total.toLocaleString("en") + ")";
        var spans = document.querySelectorAll(".ge-count-t" + k);
        for (var j = 0; j < spans.length; j++) spans[j].textContent = text;
      });
      G.typeCounts = counts;
    }

    var loading = false;
    var stale = false;

    /* Fill the cluster with the events of the switched-on types that pass the time filter
       (chunked, so the page stays responsive). */
    function applyFilter() {
      if (loading) {
        stale = true;
        return;
      }
      cluster.clearLayers();
      updateCounts();
      load(markers.filter(function (m, i) {
        return typeOn[ev.type[i]] && inTime(i);
      }), []);
    }

    /* A type's layer was switched on or off: add or remove just its markers. */
    function toggleType(k) {
      if (loading) {
        stale = true;
        return;
      }
      var changed = markers.filter(function (m, i) {
        return ev.type[i] === k && inTime(i);
      });
      if (typeOn[k]) load(changed, []);
      else load([], changed);
    }

    function load(add, remove) {
      loading = true;
      G.ready = false;
      document.documentElement.removeAttribute("data-geoevents-ready");
      if (remove.length) cluster.removeLayers(remove);
      var heat = [];
      for (var i = 0; i < n; i++) {
        if (typeOn[ev.type[i]] && inTime(i)) heat.push([ev.lat[i], ev.lon[i]]);
      }
      G.visibleCount = heat.length;
      G.heat.setLatLngs(heat);
      map.fire("geoevents:filter", { visible: heat.length });
      if (!add.length) {
        loaded();
        return;
      }
      cluster.options.chunkProgress = function (done, total) {
        if (done === total) {
          cluster.options.chunkProgress = null;
          loaded();
        }
      };
      cluster.addLayers(add);
    }

    function loaded() {
      loading = false;
      if (stale) {
        stale = false;
        applyFilter();
        return;
      }
      requestAnimationFrame(function () {
        G.ready = true;
        performance.mark("geoevents:ready");
        document.documentElement.setAttribute("data-geoevents-ready", "1");
        map.fire("geoevents:ready");
      });
    }

    applyFilter();
  }

  /* [lon, lat, lon, lat, …] -> Leaflet [[lat, lon], …] */
  function latLngs(flat) {
    var out = new Array(flat.length / 2);
    for (var i = 0; i < out.length; i++) out[i] = [flat[2 * i + 1], flat[2 * i]];
    return out;
  }

  /* Place names of the basemap: those whose population earns the current zoom, inside the
     view, at most MAX_LABELS at a time (the largest first, as they come). */
  function buildLabels(map, labels, group) {
    var MAX_LABELS = 250;
    var n = labels.name.length;
    var shown = [];
    function update() {
      shown.forEach(function (m) {
        group.removeLayer(m);
      });
      shown = [];
      var zoom = map.getZoom();
      var view = map.getBounds().pad(0.1);
      var taken = {}; // a grid of 60 x 14 px cells; a label covers two cells to the right
      function free(cx, cy) {
        for (var dx = -1; dx <= 1; dx++) {
          for (var dy = -1; dy <= 1; dy++) if (taken[cx + dx + ":" + (cy + dy)]) return false;
        }
        return true;
      }
      for (var i = 0; i < n && shown.length < MAX_LABELS; i++) {
        if (labels.zoom[i] > zoom || !view.contains([labels.lat[i], labels.lon[i]])) continue;
        var p = map.latLngToContainerPoint([labels.lat[i], labels.lon[i]]);
        var cx = Math.floor(p.x / 60);
        var cy = Math.floor(p.y / 14);
        if (!free(cx, cy)) continue;
        taken[cx + ":" + cy] = taken[cx + 1 + ":" + cy] = true;
        var text = el("span", null, labels.name[i]);
        var m = L.marker([labels.lat[i], labels.lon[i]], {
          pane: "ge-labels", interactive: false, keyboard: false,
          icon: L.divIcon({ className: "ge-label" + (labels.zoom[i] <= 6 ? " ge-label-city" : ""),
            html: text, iconSize: null, iconAnchor: [0, 0] }),
        });
        m.addTo(group);
        shown.push(m);
      }
      G.labelCount = shown.length;
    }
    map.on("zoomend moveend", update);
    update();
  }

  function buildAreas(map, data, group, str) {
    var features = data.areas.features;
    if (!features.length) return;
    L.geoJSON(data.areas, {
      pane: "ge-areas",
      style: function (f) {
        return f.properties.line
          ? { color: "#b03a2e", weight: 4, opacity: 0.85, dashArray: "8 6", className: "ge-area ge-line" }
          : { color: "#7d3c98", weight: 2, fillColor: "#af7ac5", fillOpacity: 0.18, className: "ge-area" };
      },
      onEachFeature: function (f, layer) {
        var i = f.properties.place;
        layer.bindTooltip(function () {
          return el("span", null, str(data.places.name[i]));
        }, { sticky: true });
      },
    }).addTo(group);
  }

  function buildPlaces(map, places, group, str) {
    var n = places.lat.length;
    var renderer = n > 3000 ? L.canvas({ pane: "ge-places" }) : L.svg({ pane: "ge-places" });
    var markers = [];
    for (var i = 0; i < n; i++) {
      var weight = Math.max(places.mentions[i], places.events[i], 1);
      var marker = L.circleMarker([places.lat[i], places.lon[i]], {
        pane: "ge-places",
        renderer: renderer,
        radius: Math.min(5 + 3 * Math.sqrt(weight), 28),
        color: "#1b2631",
        weight: 1.5,
        fillColor: "#f4d03f",
        fillOpacity: 0.55,
        className: "ge-place",
      });
      (function (i) {
        marker.bindTooltip(function () {
          return el("span", null, str(places.name[i]));
        });
        marker.bindPopup(function () {
          return placeContent(places, i, str);
        });
      })(i);
      marker.addTo(group);
      markers.push(marker);
    }
    return markers;
  }

  function placeContent(places, i, str) {
    var box = el("div", "ge-popup");
    box.appendChild(el("strong", null, str(places.name[i])));
    var table = el("table", "ge-fields");
    [
      ["Mentions", places.mentions[i]],
      ["Events", places.events[i]],
      ["Feature", str(places.code[i])],
      ["Place id", str(places.id[i])],
    ].forEach(function (r) {
      if (r[1] === null || r[1] === undefined) return;
      var tr = el("tr");
      tr.appendChild(el("th", null, r[0]));
      tr.appendChild(el("td", null, r[1]));
      table.appendChild(tr);
    });
    box.appendChild(table);
    return box;
  }

  function control(position, className, fill) {
    var Ctl = L.Control.extend({
      options: { position: position },
      onAdd: function () {
        var box = el("div", "leaflet-bar ge-control " + className);
        fill(box);
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
      },
    });
    return new Ctl();
  }

  function plural(n, word) {
    return n.toLocaleString("en") + " " + word + (n === 1 ? "" : "s");
  }

  function addInfo(map, data) {
    control("bottomleft", "ge-info", function (box) {
      box.appendChild(el("strong", null, data.title));
      var s = data.stats;
      var text = plural(s.events, "event") + (s.documents ? " from " + plural(s.documents, "document") : "");
      if (s.located < s.events) {
        text += "; " + (s.events - s.located).toLocaleString("en") + " without a location (not shown)";
      }
      box.appendChild(el("div", null, text));
      if (s.events) box.appendChild(el("div", "ge-note", "Dashed markers: near a place; faded: only a region or country."));
    }).addTo(map);
  }

  function addSearch(map, data, str) {
    var places = data.places;
    var entries = [];
    for (var i = 0; i < places.lat.length; i++) {
      var name = str(places.name[i]) || "";
      entries.push({ i: i, name: name, key: name.toLowerCase(), weight: places.mentions[i] + places.events[i] });
    }
    control("topleft", "ge-search", function (box) {
      var input = el("input");
      input.type = "search";
      input.placeholder = "Search places\u2026";
      input.setAttribute("aria-label", "Search places by name");
      var list = el("ul", "ge-search-results");
      box.appendChild(input);
      box.appendChild(list);
      function go(entry) {
        var marker = G.placeMarkers[entry.i];
        map.setView(marker.getLatLng(), Math.max(map.getZoom(), 8));
        marker.openPopup();
        list.textContent = "";
      }
      input.addEventListener("input", function () {
        var q = input.value.trim().toLowerCase();
        list.textContent = "";
        if (!q) return;
        entries
          .filter(function (e) {
            return e.key.indexOf(q) >= 0;
          })
          .sort(function (a, b) {
            var pa = a.key.indexOf(q) === 0 ? 0 : 1;
            var pb = b.key.indexOf(q) === 0 ? 0 : 1;
            return pa - pb || b.weight - a.weight || (a.key < b.key ? -1 : 1);
          })
          .slice(0, 10)
          .forEach(function (e) {
            var item = el("li", null, e.name);
            item.tabIndex = 0;
            item.addEventListener("click", function () {
              go(e);
            });
            item.addEventListener("keydown", function (k) {
              if (k.key === "Enter") go(e);
            });
            list.appendChild(item);
          });
      });
      input.addEventListener("keydown", function (k) {
        if (k.key === "Enter" && list.firstChild) list.firstChild.click();
      });
    }).addTo(map);
  }

  /* Marker diameter in pixels by the number of people killed (none known: the smallest). */
  function markerSize(fatalities) {
    if (!(fatalities > 0)) return 22;
    if (fatalities < 3) return 26;
    if (fatalities < 10) return 30;
    if (fatalities < 50) return 36;
    return 42;
  }

  var DAY_MS = 86400000;
  function isoDay(day) {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }
  function dayOf(iso) {
    var t = Date.parse(iso + "T00:00:00Z");
    return isNaN(t) ? null : Math.round(t / DAY_MS);
  }

  /* The filter panel: actor, country/admin-1, sub-type, minimum fatalities, date range, and
     a timeline of events per day, week or month whose bars can be brushed to pick dates. */
  function addFilters(map, data, str, filter) {
    var ev = data.events;
    var n = ev.lat.length;
    var days = data.days;
    control("topright", "ge-filters", function (box) {
      box.appendChild(el("div", "ge-filters-title", "Filter events"));
      function field(label, input) {
        var row = el("label", "ge-field");
        row.appendChild(el("span", null, label));
        row.appendChild(input);
        box.appendChild(row);
        return input;
      }

      var actor = el("input", "ge-filter-actor");
      actor.type = "search";
      actor.placeholder = "name contains\u2026";
      field("Actor", actor);

      var area = field("Country / admin-1", el("select", "ge-filter-area"));
      area.appendChild(option("", "all"));
      areaOptions(ev, n, str).forEach(function (o) {
        area.appendChild(option(o.key, o.label + " (" + o.count + ")"));
      });

      var sub = field("Sub-type", el("select", "ge-filter-sub"));
      sub.appendChild(option("-1", "all"));
      distinct(ev.sub, n).forEach(function (k) {
        sub.appendChild(option(String(k), str(k)));
      });

      var fat = el("input", "ge-filter-fatalities");
      fat.type = "number";
      fat.min = 0;
      fat.step = 1;
      fat.value = 0;
      field("Fatalities \u2265", fat);

      var from = el("input", "ge-filter-from");
      var to = el("input", "ge-filter-to");
      var undated = el("input", "ge-filter-undated");
      undated.type = "checkbox";
      undated.checked = true;
      var timeline = null;
      if (days) {
        from.type = to.type = "date";
        from.min = to.min = isoDay(days[0]);
        from.max = to.max = isoDay(days[1]);
        from.value = isoDay(days[0]);
        to.value = isoDay(days[1]);
        field("From", from);
        field("To", to);
        timeline = addTimeline(box, data, function (a, b) {
          from.value = isoDay(a);
          to.value = isoDay(b);
          apply();
        });
      }
      var undatedRow = field("Undated events", undated);
      undatedRow.parentNode.className += " ge-field-check";

      var count = el("div", "ge-filter-count");
      box.appendChild(count);
      var reset = el("button", "ge-filter-reset", "Reset");
      reset.type = "button";
      box.appendChild(reset);

      function apply() {
        var a = days ? dayOf(from.value) : 0;
        var b = days ? dayOf(to.value) : 0;
        if (a === null) a = days[0];
        if (b === null) b = days[1];
        if (a > b) {
          var t = a;
          a = b;
          b = t;
        }
        G.setFilter({
          actor: actor.value, area: area.value, sub: +sub.value,
          minFat: Math.max(0, +fat.value || 0), from: a, to: b, undated: undated.checked,
        });
      }
      actor.addEventListener("input", apply);
      [area, sub, fat, from, to, undated].forEach(function (input) {
        input.addEventListener("change", apply);
      });
      reset.addEventListener("click", function () {
        actor.value = "";
        area.value = "";
        sub.value = "-1";
        fat.value = 0;
        undated.checked = true;
        if (days) {
          from.value = isoDay(days[0]);
          to.value = isoDay(days[1]);
        }
        apply();
      });
      map.on("geoevents:filter", function (e) {
        count.textContent = e.visible.toLocaleString("en") + " of " + n.toLocaleString("en") +
          " mapped events shown";
        if (timeline) timeline.show(filter.from, filter.to);
      });
    }).addTo(map);
  }

  function option(value, label) {
    var o = el("option", null, label);
    o.value = value;
    return o;
  }

  function distinct(codes, n) {
    var seen = {};
    var out = [];
    for (var i = 0; i < n; i++) {
      var k = codes[i];
      if (k >= 0 && !seen[k]) {
        seen[k] = true;
        out.push(k);
      }
    }
    return out;
  }

  /* Countries and their admin-1 divisions with event counts, most events first. */
  function areaOptions(ev, n, str) {
    var counts = {};
    var labels = {};
    for (var i = 0; i < n; i++) {
      var cc = str(ev.cc[i]);
      if (!cc) continue;
      counts[cc] = (counts[cc] || 0) + 1;
      labels[cc] = cc;
      var adm = str(ev.adm1[i]);
      if (adm) {
        var key = cc + "|" + adm;
        counts[key] = (counts[key] || 0) + 1;
        labels[key] = "\u2003" + cc + " \u2014 " + adm;
      }
    }
    var countries = Object.keys(counts).filter(function (k) {
      return k.indexOf("|") < 0;
    }).sort(function (a, b) {
      return counts[b] - counts[a] || (a < b ? -1 : 1);
    });
    var out = [];
    countries.forEach(function (cc) {
      out.push({ key: cc, label: labels[cc], count: counts[cc] });
      Object.keys(counts).filter(function (k) {
        return k.indexOf(cc + "|") === 0;
      }).sort(function (a, b) {
        return counts[b] - counts[a] || (a < b ? -1 : 1);
      }).forEach(function (k) {
        out.push({ key: k, label: labels[k], count: counts[k] });
      });
    });
    return out;
  }

  /* A bar chart of events per day (per week over 4 months, per 30 days over 3 years);
     dragging across it selects a date range, a click without a drag selects everything. */
  function addTimeline(box, data, onBrush) {
    var SVG = "http://www.w3.org/2000/svg";
    var ev = data.events;
    var first = data.days[0];
    var span = data.days[1] - first + 1;
    var bin = span <= 120 ? 1 : span <= 3 * 366 ? 7 : 30;
    var bins = Math.ceil(span / bin);
    var counts = new Array(bins).fill(0);
    for (var i = 0; i < ev.day.length; i++) {
      if (ev.day[i] >= 0) counts[Math.floor((ev.day[i] - first) / bin)] += 1;
    }
    var most = Math.max.apply(null, counts.concat([1]));
    var width = 250;
    var height = 48;
    var wrap = el("div", "ge-timeline");
    wrap.appendChild(el("div", "ge-timeline-title",
      "Events per " + (bin === 1 ? "day" : bin === 7 ? "week" : "30 days") + " (drag to select dates)"));
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", width);
    svg.setAttribute("height", height);
    svg.setAttribute("class", "ge-timeline-chart");
    svg.setAttribute("role", "img");
    var step = width / bins;
    var bars = [];
    counts.forEach(function (count, b) {
      var rect = document.createElementNS(SVG, "rect");
      var h = count ? Math.max(2, (height - 4) * count / most) : 0;
      rect.setAttribute("x", (b * step).toFixed(2));
      rect.setAttribute("width", Math.max(step - (step > 3 ? 1 : 0), 0.5).toFixed(2));
      rect.setAttribute("y", (height - h).toFixed(2));
      rect.setAttribute("height", h.toFixed(2));
      rect.setAttribute("class", "ge-bar");
      svg.appendChild(rect);
      bars.push(rect);
    });
    var brush = document.createElementNS(SVG, "rect");
    brush.setAttribute("class", "ge-brush");
    brush.setAttribute("y", 0);
    brush.setAttribute("height", height);
    brush.setAttribute("width", 0);
    svg.appendChild(brush);
    wrap.appendChild(svg);
    var labels = el("div", "ge-timeline-labels");
    labels.appendChild(el("span", null, isoDay(first)));
    labels.appendChild(el("span", null, isoDay(data.days[1])));
    wrap.appendChild(labels);
    box.appendChild(wrap);

    function dayAt(x) {
      var b = Math.min(bins - 1, Math.max(0, Math.floor(x / step)));
      return first + b * bin;
    }
    var start = null;
    function x(e) {
      return e.clientX - svg.getBoundingClientRect().left;
    }
    svg.addEventListener("pointerdown", function (e) {
      start = x(e);
      svg.setPointerCapture(e.pointerId);
      e.preventDefault();
    });
    svg.addEventListener("pointermove", function (e) {
      if (start === null) return;
      var a = Math.min(start, x(e));
      brush.setAttribute("x", a);
      brush.setAttribute("width", Math.abs(x(e) - start));
    });
    svg.addEventListener("pointerup", function (e) {
      if (start === null) return;
      var end = x(e);
      var a = Math.min(start, end);
      var b = Math.max(start, end);
      start = null;
      if (b - a < 3) onBrush(data.days[0], data.days[1]);
      else onBrush(dayAt(a), Math.min(data.days[1], dayAt(b) + bin - 1));
    });
    return {
      show: function (from, to) {
        var a = (from - first) / bin;
        var b = (to - first + 1) / bin;
        bars.forEach(function (rect, k) {
          rect.setAttribute("class", k + 1 > a && k < b ? "ge-bar ge-bar-on" : "ge-bar");
        });
        var whole = from <= first && to >= data.days[1];
        brush.setAttribute("x", whole ? 0 : (a * step).toFixed(2));
        brush.setAttribute("width", whole ? 0 : Math.max(1, (b - a) * step).toFixed(2));
      },
    };
  }
})();
