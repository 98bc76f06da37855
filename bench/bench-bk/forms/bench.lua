-- For each person nomination with year Y, whatever its code:
--   two_years_excellent: ratings of Y and Y-1 are both excellent;
--   two_initiatives:     at least 2 initiatives of any scope in Y-1..Y;
--   no_discipline:       no disciplinary measure dated in Y-1..Y.
-- Eligible when all three pass.
local function bench_form()
  return {
    name = { vi = "BENCH-BK", en = "BENCH-BK" },
    basis = "tdkt benchmark",
    criterion "two_years_excellent" {
      basis = "BENCH-BK 1", status = "V", vi = "Hai năm xuất sắc", en = "Two excellent years",
      check = function(s, n)
        local y = n.year
        return s:rating(y) == "excellent" and s:rating(y - 1) == "excellent"
      end,
    },
    criterion "two_initiatives" {
      basis = "BENCH-BK 2", status = "V", vi = "Hai sáng kiến", en = "Two initiatives",
      check = function(s, n)
        local y = n.year
        return s:count_initiatives(y - 1, y) >= 2
      end,
    },
    criterion "no_discipline" {
      basis = "BENCH-BK 3", status = "V", vi = "Không bị kỷ luật", en = "No discipline",
      check = function(s, n)
        local y = n.year
        return s:count_disciplines(y - 1, y) == 0
      end,
    },
  }
end

for _, code in ipairs { "ldtt", "cstt", "cstd_cs", "cstd_tinh", "cstd_tq", "giay_khen",
                        "bk_tinh", "bk_ttg", "hcld3", "hcld2", "hcld1", "huy_hieu_tinh" } do
  local body = bench_form()
  body.subject = "person"
  form(code)(body)
end
