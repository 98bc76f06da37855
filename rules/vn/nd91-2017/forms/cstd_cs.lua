-- Chiến sĩ thi đua cơ sở (individual, yearly title).
--
-- Basis: Luật Thi đua, khen thưởng 2003, Điều 23 [V];
-- NĐ 91/2017/NĐ-CP, Điều 9 khoản 3 (điểm a, b) and the 15% cap [V].
-- national-criteria.md §2.2 A-CSCS-1, A-CSCS-2, A-CSCS-Q; kontum-notes.md
-- §2.1 CSCS-1..Q (which calls the cap's article unverified).
--
-- In regime A an initiative (or an applied research project, or combat
-- ingenuity) is mandatory: an excellent rating alone is not enough (case D5,
-- Kon Tum case A). The Ban TĐKT TW answer says HTXS is not itself required.
--
-- Not encoded: the armed forces' CSTT standard (cstt has no form here), so
-- for a soldier the LĐTT-standard criterion answers unknown.

-- API gap (reported): `meets` judges the form afresh; a person who already
-- holds the title for that year meets its standard too (as members_meeting
-- does for units).
local holds_or_meets = lib.holds_or_meets -- shared rule (prelude)

form "cstd_cs" {
  subject = "person",
  name    = { vi = "Chiến sĩ thi đua cơ sở", en = "Grassroots Emulation Fighter" },
  basis   = "Luật Thi đua, khen thưởng 2003, Điều 23; NĐ 91/2017/NĐ-CP, Điều 9, khoản 3",
  -- initiatives: Luật Điều 23 khoản 2; quota_pct: NĐ 91 Điều 9 (at most 15,
  -- the ministry or province sets the rate).
  params  = { initiatives = 1, quota_pct = 15 },

  criterion "ldtt_standard" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 23, khoản 1; "
          .. "NĐ 91/2017/NĐ-CP, Điều 9, khoản 3, điểm a",
    status = "V",
    vi = "Đạt tiêu chuẩn danh hiệu Lao động tiên tiến (hoặc Chiến sĩ tiên tiến)",
    en = "Meets the Advanced Worker (or Advanced Soldier) standard",
    check = function(s, n, p)
      if s.category == "soldier" then
        return unknown(tr("Lực lượng vũ trang: tiêu chuẩn Chiến sĩ tiên tiến chưa được mã hóa",
                          "Armed forces: the Advanced Soldier standard is not encoded"))
      end
      return holds_or_meets("ldtt", s, n, n.year)
    end,
  },

  criterion "initiative" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 23, khoản 2; "
          .. "NĐ 91/2017/NĐ-CP, Điều 9, khoản 3, điểm b",
    status = "V",
    vi = "Có sáng kiến được cơ sở công nhận, hoặc đề tài nghiên cứu khoa học đã nghiệm "
      .. "thu được áp dụng, hoặc mưu trí, sáng tạo trong chiến đấu được đơn vị công nhận",
    en = "Has an initiative recognised by the unit, or an accepted and applied "
      .. "research project, or recognised combat ingenuity",
    check = function(s, n, p)
      -- a sáng kiến or a mưu trí need only be recognised; a đề tài must
      -- also be applied
      local y = n.year
      local k1, ids1 = s:initiatives{ from = y, to = y, scope = "unit",
                                      kinds = { "initiative", "combat" } }
      local k2, ids2 = s:initiatives{ from = y, to = y, scope = "unit",
                                      kinds = { "research" }, applied = true }
      local got = k1 + k2
      local ids = table.concat({ ids1, ids2 }, k1 > 0 and k2 > 0 and ", " or "")
      local shown = got .. tr(" sáng kiến", " initiatives") ..
                    (got > 0 and (" (" .. ids .. ")") or "")
      if got >= p.initiatives then return pass(shown) end
      return fail(shown .. tr(", cần ", ", needs ") .. p.initiatives)
    end,
  },

  criterion "not_under_review" {
    basis  = "NĐ 91/2017/NĐ-CP, Điều 3; TT 08/2017/TT-BNV; TT 12/2019/TT-BNV",
    status = "P",
    vi = "Không đang bị xem xét kỷ luật, điều tra, thanh tra, kiểm tra, khiếu nại, tố cáo",
    en = "Not under disciplinary review, investigation, inspection or complaint",
    check = function(s, n, p)
      return lib.fact_not(s, "under_review", n.year)
    end,
  },

  -- The cap: at most 15% of the unit's LĐTT (a province may set a lower
  -- rate). Ranked by the engine's stated order (rules/README.md, Quotas).
  quota {
    id     = "quota_ldtt_share",
    basis  = "NĐ 91/2017/NĐ-CP, Điều 9, khoản 3",
    status = "V",
    vi = "Số cá nhân được công nhận không quá tỷ lệ do bộ, ngành, tỉnh quy định (tối "
      .. "đa 15%) trên tổng số cá nhân đạt danh hiệu Lao động tiên tiến của đơn vị",
    en = "Within the rate set by the ministry or province (15% at most) of the "
      .. "unit's Advanced Workers",
    base = "ldtt", rate = "quota_pct", per = "unit",
  },
}
