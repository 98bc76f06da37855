-- Lao động tiên tiến (cá nhân), regime B.
--
-- Luật Thi đua, khen thưởng 2022, Điều 24, khoản 1 [V]:
--   a) "Hoàn thành tốt nhiệm vụ trở lên";
--   b) "Có tinh thần tự lực, tự cường, đoàn kết, tương trợ, tích cực tham gia
--      phong trào thi đua".
-- TT 01/2024/TT-BNV, Điều 1, khoản 5 (in force from 15/04/2024):
--   điểm d: no title for "cá nhân mới tuyển dụng dưới 06 tháng" [V-en];
--   điểm a: injury treatment from combat or rescue counts as worked [V];
--   điểm b: training counts as worked [V; the extra condition for training
--           of a year or more was cut off: U].
-- Luật 2022, Điều 24, khoản 2 [P] (B-LDTT-3): the armed forces, including
--   standing and mobile militia and the police, get Chiến sĩ tiên tiến
--   (code cstt), not this title: criterion not_armed_forces bars a person
--   of category `soldier`, as regime A does. The records have no category
--   for militia or police; such a person is judged as the category given.
--   The CSTT standard itself has no form in this set.
-- NĐ 98/2023/NĐ-CP, Điều 4: maternity leave counts [V-en]; no award while a
--   disciplinary review, inspection or complaint is pending [V].
-- The counting of maternity, injury and training months is the engine's
-- (s:months); this form only states the minimum.
--
-- Not encoded, and why:
--   - Khoản 4: ministries and provinces detail the standard [V-en]; a
--     province adds its criteria by amending this form.
--   - No "bị kỷ luật từ khiển trách trở lên" bar: none was found in the
--     TT 01/2024 excerpts (B-LDTT-10, [U] for the absence). Discipline acts
--     through the year's rating and, for multi-year windows, through the
--     NĐ 98 Điều 4 recount rule in the forms that have such windows.
--   - Transfers and secondments (TT 01/2024 Điều 1 k5, point letter U) say
--     which unit decides, not who is eligible.
--   - No national quota (B-LDTT-11, [P]).
form "ldtt" {
  subject = "person",
  name    = { vi = "Lao động tiên tiến", en = "Advanced Worker" },
  basis   = "Luật Thi đua, khen thưởng 2022, Điều 24; "
         .. "TT 01/2024/TT-BNV, Điều 1, khoản 5",

  criterion "not_under_review" {
    basis  = "NĐ 98/2023/NĐ-CP, Điều 4",
    status = "V",
    vi = "Không trong thời gian đang bị xem xét kỷ luật, điều tra, thanh tra, "
      .. "kiểm tra hoặc có khiếu nại, tố cáo đang được xác minh",
    en = "No disciplinary review, investigation, inspection or complaint "
      .. "pending",
    check = function(s, n, p)
      return lib.fact_not(s, "under_review", n.year)
    end,
  },

  criterion "rating_good" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 24, khoản 1, điểm a",
    status = "V",
    vi = "Hoàn thành tốt nhiệm vụ trở lên",
    en = "Rated good or better in the year",
    check = function(s, n, p)
      return lib.consecutive(s, "good", n.year, 1)
    end,
  },

  criterion "self_reliance" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 24, khoản 1, điểm b",
    status = "V",
    vi = "Có tinh thần tự lực, tự cường, đoàn kết, tương trợ, tích cực tham "
      .. "gia phong trào thi đua",
    en = "Self-reliant, united, helpful, active in emulation movements",
    check = function(s, n, p)
      return lib.fact_true(s, "self_reliance", n.year)
    end,
  },

  -- khoản 2: the armed forces' title is Chiến sĩ tiên tiến, not LĐTT.
  criterion "not_armed_forces" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 24, khoản 2",
    status = "P",
    vi = "Không thuộc lực lượng vũ trang nhân dân (được xét danh hiệu Chiến "
      .. "sĩ tiên tiến)",
    en = "Not in the armed forces (who receive Advanced Soldier instead)",
    check = function(s, n, p)
      if s.category == "soldier" then
        return fail(tr("lực lượng vũ trang: xét danh hiệu Chiến sĩ tiên tiến",
          "armed forces: judged for Advanced Soldier"))
      end
      return pass(tr("không thuộc lực lượng vũ trang",
        "not in the armed forces"))
    end,
  },

  criterion "not_new_hire" {
    basis  = "TT 01/2024/TT-BNV, Điều 1, khoản 5, điểm d",
    status = "V-en",
    vi = "Không phải người mới tuyển dụng dưới 06 tháng (thời gian nghỉ thai "
      .. "sản, điều trị thương tích do làm nhiệm vụ, đào tạo được tính)",
    en = "Not a new hire of fewer than 6 months (maternity leave, duty "
      .. "injury treatment and training count as worked)",
    check = function(s, n, p)
      return lib.new_hire_ok(s, n.year, p.new_hire_min_months)
    end,
  },

  criterion "after_discipline" {
    basis  = "NĐ 98/2023/NĐ-CP, Điều 4",
    status = "V",
    vi = "Thành tích chỉ được tính từ khi hết thời hạn kỷ luật",
    en = "Achievements count only once the disciplinary period has ended",
    check = function(s, n, p)
      return lib.after_discipline(s, n.year)
    end,
  },
}
