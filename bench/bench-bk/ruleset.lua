-- BENCH-BK: a fixed rule for comparing tdkt with other engines (issue 7).
-- Not law: it is not among the legal rule sets under rules/.
ruleset {
  id = "bench/bench-bk",
  title = { vi = "BENCH-BK (quy tắc đo hiệu năng, không phải văn bản pháp luật)",
            en = "BENCH-BK (a benchmark rule, not law)" },
  basis = "tdkt benchmark",
  effective_from = "1900-01-01",
  caveats = { "A benchmark rule with fixed criteria, for comparison with other engines." },
}
