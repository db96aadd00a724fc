// Kiosk search in the browser, for when the server cannot be reached: the same folding as the
// server (app/catalog/folding.py: no diacritics, đ -> d, one spelling for a final i/y), the same
// synonym list, and a small ranking: rare words, words of the name, the typed prefix, adjacent pairs,
// and the everyday phrasings of each procedure scored as on the server (app/catalog/search_phrases.py).
// Used by the service worker (importScripts) to answer /kiosk/tim-kiem offline.
var OfflineSearch = (function () {
  "use strict";

  var MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  var IN_NAME = 1.0, TYPED_PREFIX = 0.9, BY_SYNONYM = 0.85, STRONG_SYNONYM = 1.3, IN_FIELD = 0.45,
      PHRASE = 0.6, KEEP_SHARE = 0.3, MAX_WORDS = 20;

  function fold(text) {
    var bare = String(text || "").replace(/[đĐðÐ]/g, "d").toLowerCase().normalize("NFKD").replace(MARKS, "");
    return bare.replace(/[^0-9a-z.]+/g, " ").split(" ")
      .map(function (w) { return w.replace(/^\.+|\.+$/g, ""); })
      .filter(Boolean).join(" ");
  }

  function spelling(word) {
    return word === "quy" ? "qui" : word.replace(/([bcdghklmnprstvx])y$/, "$1i");
  }

  function searchFold(text) {
    return fold(text).split(" ").filter(Boolean).map(spelling).join(" ");
  }

  // The index as the server sends it (app/kiosk/offline.py), prepared once for ranking.
  function prepare(raw) {
    var docs = raw.docs.map(function (d) {
      var words = d[4].split(" ");
      return { code: d[0], name: d[1], field: d[2], common: d[3] === 1, words: new Set(words),
               text: " " + d[4] + " ", fieldWords: new Set(d[5].split(" ")), length: d[6],
               variant: d[7] === 1 };
    });
    var frequency = new Map();
    docs.forEach(function (doc) {
      doc.words.forEach(function (w) { frequency.set(w, (frequency.get(w) || 0) + 1); });
    });
    var synonyms = new Map(), longest = 1;
    raw.synonyms.forEach(function (s) {
      synonyms.set(s[0], { targets: s[1], strong: s[2] === 1 });
      longest = Math.max(longest, s[0].split(" ").length);
    });
    return { docs: docs, frequency: frequency, synonyms: synonyms, longest: longest, revision: raw.revision,
             phrases: preparePhrases(raw, docs) };
  }

  function terms(words) {
    var found = new Set(words);
    for (var i = 1; i < words.length; i++) { found.add(words[i - 1] + " " + words[i]); }
    return Array.from(found);
  }

  // Each doc's phrasings (raw.docs[i][8], folded) as the server indexes them: terms, weights, totals.
  function preparePhrases(raw, docs) {
    var settings = raw.phrase_settings || {}, list = [], owners = new Map();
    raw.docs.forEach(function (d, number) {
      (d[8] || []).forEach(function (phrase) {
        var found = terms(phrase.split(" ").filter(Boolean));
        if (!found.length) { return; }
        list.push({ owner: number, terms: found });
        found.forEach(function (t) {
          if (!owners.has(t)) { owners.set(t, new Set()); }
          owners.get(t).add(number);
        });
      });
    });
    var withPhrases = new Set(list.map(function (p) { return p.owner; })).size, weights = new Map();
    var starting = new Set();
    owners.forEach(function (set, term) {
      if (set.size <= Math.max(1, settings.max_share * withPhrases)) {
        weights.set(term, Math.log(1 + (withPhrases - set.size + 0.5) / (set.size + 0.5)));
        if (set.size <= Math.max(3, settings.common_share * withPhrases)) { starting.add(term); }
      }
    });
    var postings = new Map();
    list.forEach(function (phrase, n) {
      phrase.total = phrase.terms.reduce(function (sum, t) { return sum + (weights.get(t) || 0); }, 0) || 1;
      phrase.terms.forEach(function (t) {
        if (weights.has(t)) {
          if (!postings.has(t)) { postings.set(t, []); }
          postings.get(t).push(n);
        }
      });
    });
    return { list: list, weights: weights, postings: postings, settings: settings, docs: docs, starting: starting };
  }

  // Doc number -> what its best phrasing adds to its score (see search_phrases.PhraseIndex.levels).
  function phraseScores(index, words) {
    var P = index.phrases, s = P.settings, matched = new Map(), unnamed = new Map(), evidence = new Map();
    if (!P.list.length) { return new Map(); }
    var weighed = terms(words).filter(function (t) { return P.weights.has(t); })
      .sort(function (a, b) { return P.weights.get(b) - P.weights.get(a); });
    weighed.forEach(function (term) {
      var weight = P.weights.get(term), parts = term.split(" ");
      var postings = P.starting.has(term) ? P.postings.get(term) : P.postings.get(term).filter(function (n) {
        return matched.has(n);  // a common word only adds to the phrases a rarer term found
      });
      postings.forEach(function (n) {
        matched.set(n, (matched.get(n) || 0) + weight);
        evidence.set(n, (evidence.get(n) || 0) + 1);
        var doc = P.docs[P.list[n].owner];
        if (!parts.every(function (w) { return doc.words.has(w); })) {  // the name counts it otherwise
          unnamed.set(n, (unnamed.get(n) || 0) + weight);
        }
      });
    });
    var best = new Map(), top = 0;
    unnamed.forEach(function (weight, n) {
      if (evidence.get(n) < s.min_terms) { return; }
      var score = weight * Math.pow(matched.get(n) / P.list[n].total, s.coverage), owner = P.list[n].owner;
      if (score > (best.get(owner) || 0)) { best.set(owner, score); top = Math.max(top, score); }
    });
    var levels = new Map();
    best.forEach(function (score, owner) {
      if (score >= s.floor * top) {
        levels.set(owner, s.weight * Math.ceil(score / top * s.levels) / s.levels * top);
      }
    });
    return levels;
  }

  function idf(index, count) {
    return count ? Math.log(1 + index.docs.length / count) : 0;
  }

  // Listed phrases in the query, longest first from the left, never overlapping.
  function spans(index, words) {
    var found = [], i = 0;
    while (i < words.length) {
      var size = Math.min(index.longest, words.length - i), hit = null;
      for (; size > 0 && !hit; size--) {
        var entry = index.synonyms.get(words.slice(i, i + size).join(" "));
        if (entry) { hit = { start: i, end: i + size, entry: entry }; }
      }
      if (hit) { found.push(hit); i = hit.end; } else { i += 1; }
    }
    return found;
  }

  function hasAll(doc, phrase) {
    return phrase.split(" ").every(function (w) { return doc.words.has(w); });
  }

  function wordScore(index, doc, word, isLast) {
    if (doc.words.has(word)) { return IN_NAME * idf(index, index.frequency.get(word)); }
    if (isLast && word.length >= 2 && doc.text.indexOf(" " + word) >= 0) {
      return TYPED_PREFIX * idf(index, 1 + Math.floor(index.docs.length / 20));
    }
    if (doc.fieldWords.has(word)) { return IN_FIELD * idf(index, index.frequency.get(word) || 1); }
    return 0;
  }

  function scoreDoc(index, doc, words, found) {
    var score = 0, covered = new Set();
    found.forEach(function (span) {
      if (!span.entry.targets.length) {  // filler: "xin", "cho con"
        for (var k = span.start; k < span.end; k++) { covered.add(k); }
        return;
      }
      if (!span.entry.targets.some(function (t) { return hasAll(doc, t); })) { return; }
      var literal = 0;
      for (var j = span.start; j < span.end; j++) { literal += wordScore(index, doc, words[j], false); }
      score += Math.max(literal, (span.entry.strong ? STRONG_SYNONYM : BY_SYNONYM) * span.weight * (span.end - span.start));
      for (var n = span.start; n < span.end; n++) { covered.add(n); }
    });
    words.forEach(function (word, i) {
      if (!covered.has(i)) { score += wordScore(index, doc, word, i === words.length - 1); }
      if (i > 0 && doc.text.indexOf(" " + words[i - 1] + " " + word + " ") >= 0) {
        score += PHRASE * (idf(index, index.frequency.get(word)) + idf(index, index.frequency.get(words[i - 1]))) / 2;
      }
    });
    return score;
  }

  // The best procedures for what a citizen typed: [{code, name, field, score}], best first.
  function search(index, query, limit) {
    var words = searchFold(query).split(" ").filter(Boolean).slice(0, MAX_WORDS);
    if (!words.length) { return []; }
    var found = spans(index, words);
    found.forEach(function (span) {  // a synonym weighs as rare as the procedures it points to
      var count = index.docs.filter(function (d) {
        return span.entry.targets.some(function (t) { return hasAll(d, t); });
      }).length;
      span.weight = idf(index, count);
    });
    var hits = [], phrased = phraseScores(index, words);
    index.docs.forEach(function (doc, number) {
      var score = scoreDoc(index, doc, words, found) + (phrased.get(number) || 0);
      if (score > 0) { hits.push({ doc: doc, score: score }); }
    });
    if (!hits.length) { return []; }
    var best = Math.max.apply(null, hits.map(function (h) { return h.score; }));
    return hits.filter(function (h) { return h.score >= KEEP_SHARE * best; })
      .sort(function (a, b) {
        // Among equal matches, as on the server: common, then first-time (not "Cấp lại"...), then short.
        return (b.score - a.score) || (b.doc.common - a.doc.common) || (a.doc.variant - b.doc.variant) ||
               (a.doc.length - b.doc.length) || (a.doc.code < b.doc.code ? -1 : 1);
      })
      .slice(0, limit || 20)
      .map(function (h) { return { code: h.doc.code, name: h.doc.name, field: h.doc.field, score: h.score }; });
  }

  return { fold: fold, searchFold: searchFold, prepare: prepare, search: search };
}());

if (typeof module !== "undefined") { module.exports = OfflineSearch; }
