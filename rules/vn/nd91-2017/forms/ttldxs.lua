-- Tập thể lao động xuất sắc (collective, yearly title).
--
-- Basis: Luật Thi đua, khen thưởng 2003, Điều 27. The article itself was not
-- read: every point below is [P], from four sector and enterprise
-- restatements that agree (national-criteria.md §2.6 A-TTXS-1..6;
-- kontum-notes.md §2.1 TTLDXS-0..5, [NAT-2nd]). Point letters are not cited
-- because the domain does not give them for regime A.
-- "Selected among the TTLĐTT collectives" (A-TTXS-7) is [U] as a national
-- rule (sector texts only); it is encoded with that status.
--
-- Not encoded: the armed forces' Đơn vị quyết thắng.

local ALL = { subunits = true }

-- API gap (reported): see cstd_cs.lua; holding the title for Y also proves
-- its standard.
local holds_or_meets = lib.holds_or_meets -- shared rule (prelude)

form "ttldxs" {
  subject = "unit",
  name    = { vi = "Tập thể lao động xuất sắc", en = "Excellent Labour Collective" },
  basis   = "Luật Thi đua, khen thưởng 2003, Điều 27",
  -- Luật Điều 27 as restated: 100% complete, at least 70% LĐTT, 1 CSTĐCS.
  params  = { complete_share_pct = 100, ldtt_share_pct = 70, cstd_cs_members = 1 },

  criterion "excellent_rating" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 27",
    status = "P",
    vi = "Sáng tạo, vượt khó hoàn thành xuất sắc nhiệm vụ, thực hiện tốt các nghĩa vụ "
      .. "đối với Nhà nước",
    en = "Creative, overcame difficulties, completed tasks excellently, met "
      .. "its obligations to the State",
    check = function(s, n, p)
      return lib.unit_rated(s, n.year, "excellent")
    end,
  },

  criterion "emulation_movement" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 27",
    status = "P",
    vi = "Có phong trào thi đua thường xuyên, thiết thực, hiệu quả",
    en = "Regular, practical and effective emulation movement",
    check = function(s, n, p)
      return lib.fact_true(s, "emulation_movement", n.year)
    end,
  },

  criterion "all_members_complete" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 27",
    status = "P",
    vi = "Có 100% cá nhân trong tập thể hoàn thành nhiệm vụ được giao",
    en = "All members completed their tasks",
    check = function(s, n, p)
      local total = s:members(n.year, ALL)
      local done = s:members_rated("complete", n.year, ALL)
      local detail = string.format(tr("%d/%d thành viên hoàn thành nhiệm vụ",
        "%d of %d members completed their tasks"), done, total)
      if total > 0 and done * 100 >= p.complete_share_pct * total then
        return pass(detail)
      end
      return fail(detail)
    end,
  },

  criterion "ldtt_share" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 27",
    status = "P",
    vi = "Có ít nhất 70% cá nhân trong tập thể đạt danh hiệu Lao động tiên tiến",
    en = "At least 70% of members are Advanced Workers",
    check = function(s, n, p)
      local c, _, unsure = s:members_meeting("ldtt", n.year, ALL)
      return lib.member_share(s, n.year, c, unsure, tr("LĐTT", "are Advanced Workers"), p.ldtt_share_pct,
        false, ALL)
    end,
  },

  criterion "cstd_cs_member" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 27",
    status = "P",
    vi = "Có cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở",
    en = "At least one member is a Grassroots Emulation Fighter",
    check = function(s, n, p)
      return lib.members_at_least(s, "cstd_cs", n.year, p.cstd_cs_members,
        tr("CSTĐCS", "are Grassroots Emulation Fighters"), ALL)
    end,
  },

  criterion "no_member_warning" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 27",
    status = "P",
    vi = "Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên",
    en = "No member disciplined at warning level or above",
    check = function(s, n, p)
      return lib.no_member_disciplined(s, n.year, p.collective_discipline_level, ALL)
    end,
  },

  criterion "internal_unity" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 27",
    status = "P",
    vi = "Nội bộ đoàn kết",
    en = "Internal solidarity",
    check = function(s, n, p)
      return lib.fact_true(s, "internal_unity", n.year)
    end,
  },

  criterion "compliance" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 27",
    status = "P",
    vi = "Gương mẫu chấp hành chủ trương, chính sách của Đảng, pháp luật của Nhà nước",
    en = "Exemplary compliance with Party policy and State law",
    check = function(s, n, p)
      return lib.fact_true(s, "compliance", n.year)
    end,
  },

  criterion "ttldtt_standard" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 27 (theo văn bản ngành)",
    status = "U",
    vi = "Được lựa chọn trong số các tập thể đạt danh hiệu Tập thể lao động tiên tiến",
    en = "Selected among the Advanced Labour Collectives",
    check = function(s, n, p)
      return holds_or_meets("ttldtt", s, n, n.year)
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
}
