-- The tdkt prelude: the counting rules that recur across forms and
-- regimes, written once (shared/domain/README.md, "Counting rules that
-- recur"). Every helper returns pass(...), fail(...) or unknown(...) with a
-- detail that shows the values it read. Loaded into every rule state and
-- exposed, read-only, as `lib`.

local lib = {}

-- Months as people write them: 9, 6.5 (not 9.0 or 6.5333).
local function months_text(m)
  if m == nil then return "?" end
  return (string.format("%.1f", m):gsub("%.0$", ""))
end

-- Is the text Vietnamese or English? tr(vi, en) picks by --lang.

-- "N consecutive years at LEVEL or better, ending at year Y": the streak
-- ends at the nomination's year and breaks at any year below the level;
-- a missing year is not a pass.
function lib.consecutive(s, level, y, n)
  local got = s:streak(level, y)
  local shown = s:ratings(y - n + 1, y)
  if got >= n then
    return pass(shown)
  end
  return fail(shown .. tr(" (cần " .. n .. " năm liên tục " .. level .. ")",
                          " (needs " .. n .. " consecutive years " .. level .. ")"))
end

-- At least n years since the latest honour `code` (kinds as s:latest).
-- The window "after" an earlier award starts after that award's year.
function lib.years_since(s, code, y, n, opt)
  local last = s:latest(code, opt)
  if not last then
    return fail(tr("chưa có " .. code, "no " .. code .. " yet"))
  end
  if y - last >= n then
    return pass(code .. " " .. last)
  end
  return fail(code .. " " .. last .. tr(" (cần cách " .. n .. " năm)",
                                        " (needs " .. n .. " years after)"))
end

-- An attested fact that must be 1: 0 fails; missing is unknown (a person
-- must decide), never a failure.
function lib.fact_true(s, key, y)
  local v = s:fact(key, y)
  if v == nil then
    return unknown(tr("chưa có xác nhận '" .. key .. "'",
                      "'" .. key .. "' not attested"))
  end
  if v == 1 or v == "1" then
    return pass(key .. " = 1")
  end
  return fail(key .. " = " .. tostring(v))
end

-- A fact that bars when 1 (e.g. under_review): missing passes, since
-- nobody reported it.
function lib.fact_not(s, key, y)
  local v = s:fact(key, y)
  if v == 1 or v == "1" then
    return fail(key .. " = 1")
  end
  return pass(v == nil and tr("không có", "none") or (key .. " = " .. tostring(v)))
end

-- New hires below a minimum get no title that year; maternity leave,
-- duty-injury treatment and training count as months worked.
function lib.months_ok(s, y, min)
  local m = s:months(y)
  if m == nil then
    return fail(tr("không có đánh giá năm " .. y, "no appraisal for " .. y))
  end
  local shown = months_text(m)
  if m >= min then
    return pass(shown .. tr(" tháng", " months"))
  end
  return fail(shown .. " < " .. min .. tr(" tháng", " months"))
end

-- "No title for a new hire of under MIN months" (NĐ 91 Đ10 k6: 10;
-- TT 01/2024 Đ1 k5 d: 6): only the year of hiring is judged by months;
-- an established employee off sick is not a new hire. Without a hire
-- date, a full count of months passes and a short one needs a person.
function lib.new_hire_ok(s, y, min)
  local hired = s.hired
  if hired == nil then
    local m = s:months(y)
    if m ~= nil and m >= min then
      return pass(tr(months_text(m) .. " tháng năm " .. y .. " (không có ngày tuyển dụng)",
                     months_text(m) .. " months in " .. y .. " (no hire date)"))
    end
    return unknown(tr("không có ngày tuyển dụng; " .. months_text(m) ..
                      " tháng năm " .. y,
                      "no hire date; " .. months_text(m) .. " months in " .. y))
  end
  local hired_year = tonumber(hired:sub(1, 4))
  if hired_year < y then
    return pass(tr("tuyển dụng ", "hired ") .. hired ..
                tr(", không phải người mới tuyển dụng", ", not a new hire"))
  end
  if hired_year > y then
    return fail(tr("tuyển dụng " .. hired .. ", sau năm " .. y,
                   "hired " .. hired .. ", after " .. y))
  end
  return lib.months_ok(s, y, min)
end

-- Regime B (NĐ 98 Đ4): achievements count only from the end of the
-- disciplinary period: year y counts only if every measure dated by the
-- end of y had ended before y began.
function lib.after_discipline(s, y)
  local first = lib.counting_from(s, y, y)
  if first <= y then
    return pass(tr("không trong thời hạn kỷ luật", "outside any disciplinary period"))
  end
  local ends = s:discipline_end(nil, y)
  return fail(tr("thời hạn kỷ luật kết thúc " .. ends ..
                 "; thành tích tính từ năm " .. first,
                 "disciplinary period ends " .. ends ..
                 "; achievements count from " .. first))
end

-- No disciplinary measure at or above `level` dated in year y. (Counted
-- first: the list is only built for the detail of a failure.)
function lib.no_discipline(s, y, level)
  if s:count_disciplines(y, y, level) == 0 then
    return pass(tr("không bị kỷ luật năm ", "no measure in ") .. y)
  end
  local _, text = s:disciplines{ from = y, to = y, level = level }
  return fail(text)
end

-- The first year that counts after disciplinary periods (regime B: NĐ 98
-- Đ4): achievements count only from the end of the period, so the first
-- whole year after it. Only measures dated by the end of year `upto` (the
-- achievement year judged) matter; a later one cannot reach back. Returns a
-- year, not a result.
function lib.counting_from(s, y1, upto)
  local ends = s:discipline_end(nil, upto)
  if not ends then
    return y1
  end
  local after = tonumber(ends:sub(1, 4)) + 1
  return after > y1 and after or y1
end

-- Regime B (NĐ 98 Đ4): a window of `years` years ending at y may not
-- reach back before the end of a disciplinary period.
function lib.window_after_discipline(s, y, years)
  local first = y - years + 1
  local from = lib.counting_from(s, first)
  if from > first then
    return fail(string.format(tr("thành tích chỉ tính từ năm %d (hết thời "
      .. "hạn kỷ luật); cần %d–%d", "achievements count from %d (end of a "
      .. "disciplinary period); needs %d–%d"), from, first, y))
  end
  return pass(string.format(tr("%d–%d không vướng thời hạn kỷ luật",
    "%d–%d clear of disciplinary periods"), first, y))
end

-- The title `code` for year y: already conferred (of a kind not excluded),
-- or the subject meets this rule set's form for it (an annual round judges
-- before the titles are conferred).
function lib.holds_or_meets(code, s, n, y, exclude)
  local count, years = s:honours{ code = code, from = y, to = y, exclude_kinds = exclude }
  if count > 0 then
    return pass(tr("Đã được tặng " .. code .. " năm " .. years,
                   code .. " conferred for " .. years))
  end
  return meets(code, s, n, y)
end

-- At least n initiatives recognised in y1..y2 at or above `scope`.
function lib.initiatives(s, y1, y2, scope, n, opt)
  local o = { from = y1, to = y2, scope = scope }
  if opt then
    for k, v in pairs(opt) do o[k] = v end
  end
  local got, ids = s:initiatives(o)
  local shown = got .. tr(" sáng kiến", " initiatives") ..
                (got > 0 and (" (" .. ids .. ")") or "")
  if got >= n then
    return pass(shown)
  end
  return fail(shown .. tr(", cần " .. n, ", needs " .. n))
end

-- At least n honours `code` in y1..y2 (opt: kinds, exclude_kinds).
function lib.honours(s, code, y1, y2, n, opt)
  local o = { code = code, from = y1, to = y2 }
  if opt then
    for k, v in pairs(opt) do o[k] = v end
  end
  local got, years = s:honours(o)
  local shown = got .. " × " .. (type(code) == "table" and table.concat(code, "/") or code) ..
                (got > 0 and (" (" .. years .. ")") or "")
  if got >= n then
    return pass(shown)
  end
  return fail(shown .. tr(", cần " .. n, ", needs " .. n))
end

-- Several results at once: all must pass (three-valued AND), details
-- joined. Each argument is a {result, detail} pair: lib.all({a()}, {b()}).
function lib.all(...)
  local res, parts = true, {}
  for i = 1, select("#", ...) do
    local r = select(i, ...)
    if r[1] == false then
      res = false
    elseif r[1] == nil and res ~= false then
      res = nil
    end
    parts[#parts + 1] = r[2]
  end
  return res, table.concat(parts, "; ")
end

return lib
