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
    map.createPane("ge-areas").style.zIndex = 410;
    map.createPane("ge-places").style.zIndex = 420;
    map.attributionControl.addAttribution("Countries: Natural Earth (public domain)");

    var countryStyle = { color: "#a9a39a", weight: 0.7, fillColor: "#f3efe6", fillOpacity: 1 };
    L.geoJSON(data.countries, {
      pane: "ge-basemap",
      interactive: false,
      renderer: L.canvas({ pane: "ge-basemap" }),
      style: countryStyle,
    }).addTo(groups.countries);

    var places = data.places;
    buildAreas(map, data, groups.areas, str);
    G.placeMarkers = buildPlaces(map, places, groups.places, str);

    var ev = data.events;
    var n = ev.lat.length;
    var filter = { from: 0, to: data.dates.length - 1, undated: true };
    /* One icon per type and geo-precision: markers located only near a place (2) or to a
       region or country (3) get a dashed, fainter disc. */
    var icons = {};
    function iconFor(k, precision) {
      var key = k + ":" + precision;
      if (!icons[key]) {
        icons[key] = L.divIcon({
          className: "ge-marker ge-t" + k + (precision > 1 ? " ge-p" + precision : ""),
          html: data.types[k].icon,
          iconSize: [22, 22],
          iconAnchor: [11, 11],
          popupAnchor: [0, -10],
        });
      }
      return icons[key];
    }
    var markers = new Array(n);
    for (var i = 0; i < n; i++) {
      var m = L.marker([ev.lat[i], ev.lon[i]], { icon: iconFor(ev.type[i], ev.geo[i] || 1), keyboard: false });
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
    if (data.dates.length) addTimeSlider(map, data);

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
      row("Confidence", ev.conf[i]);
      row("Document", str(ev.doc[i]));
      row("Event", ev.id[i]);
      box.appendChild(table);

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

    G.setTimeRange = function (from, to, undated) {
      filter.from = from;
      filter.to = to;
      filter.undated = undated;
      applyFilter();
    };

    function inTime(i) {
      var d = ev.di[i];
      return d < 0 ? filter.undated : d >= filter.from && d <= filter.to;
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

  function addTimeSlider(map, data) {
    var dates = data.dates;
    var last = dates.length - 1;
    control("bottomleft", "ge-time", function (box) {
      box.appendChild(el("div", "ge-time-title", "Time"));
      var from = el("input", "ge-time-from");
      var to = el("input", "ge-time-to");
      [from, to].forEach(function (input, k) {
        input.type = "range";
        input.min = 0;
        input.max = last;
        input.step = 1;
        input.value = k === 0 ? 0 : last;
        input.setAttribute("aria-label", k === 0 ? "From date" : "To date");
      });
      var label = el("div", "ge-time-label");
      var undatedLabel = el("label", "ge-time-undated");
      var undated = el("input");
      undated.type = "checkbox";
      undated.checked = true;
      undatedLabel.appendChild(undated);
      undatedLabel.appendChild(document.createTextNode(" undated events"));
      var count = el("div", "ge-time-count");
      [from, to, label, undatedLabel, count].forEach(function (c) {
        box.appendChild(c);
      });
      function values() {
        var a = +from.value;
        var b = +to.value;
        return a <= b ? [a, b] : [b, a];
      }
      function show() {
        var v = values();
        label.textContent = dates[v[0]] + " \u2013 " + dates[v[1]];
      }
      function apply() {
        var v = values();
        show();
        G.setTimeRange(v[0], v[1], undated.checked);
      }
      from.addEventListener("input", show);
      to.addEventListener("input", show);
      from.addEventListener("change", apply);
      to.addEventListener("change", apply);
      undated.addEventListener("change", apply);
      map.on("geoevents:filter", function (e) {
        count.textContent = e.visible.toLocaleString("en") + " of " +
          data.events.lat.length.toLocaleString("en") + " mapped events shown";
      });
      show();
    }).addTo(map);
  }
})();
