-- Chiến sĩ thi đua cơ sở (cá nhân), regime B.
--
-- Luật Thi đua, khen thưởng 2022, Điều 23 (read in translation and in press
-- summaries: domain labels it [V-en]/[P]; the [V-en] reading is carried):
--   khoản 1: meets the Lao động tiên tiến (or Chiến sĩ tiên tiến) standard;
--   khoản 2: and one of: "hoàn thành xuất sắc nhiệm vụ" (recognised);
--            a sáng kiến "được cơ sở công nhận"; a đề tài, đề án or công
--            trình khoa học và công nghệ "đã được nghiệm thu"; mưu trí, sáng
--            tạo trong chiến đấu "được đơn vị công nhận".
-- A sáng kiến is no longer mandatory (case D5). Which branch was used matters
-- later: a sáng kiến that was the basis of this title cannot count again
-- toward Bằng khen điểm d (honours.csv `initiatives`).
--
-- Not encoded, and why:
--   - No national quota (B-CSCS-Q [U]: the 15% cap of NĐ 91 has no verified
--     successor). A province that has one gives its set a whole cstd_cs
--     form, this one with a quota added: an amend cannot add a quota
--     (rules/README.md, "An amendment of single criteria").
--   - Some press cites "Điều 21" for this title; Điều 23 is the reading
--     domain/ keeps (national-criteria.md §0.4).
--   - The Chiến sĩ tiên tiến standard (armed forces): the ldtt form bars a
--     soldier (Điều 24 khoản 2 [P]) and cstt has no form here, so for a
--     soldier the LĐTT-standard criterion answers unknown, as in regime A,
--     unless the CSTT of the year is already conferred.

-- The LĐTT standard of the year: a person who already holds the title for
-- that year meets it; otherwise this rule set's ldtt form judges. (API gap:
-- meets() judges afresh and ignores a conferred title, while
-- s:members_meeting does both for units.)
local holds_or_meets = lib.holds_or_meets -- shared rule (prelude)

form "cstd_cs" {
  subject = "person",
  name    = { vi = "Chiến sĩ thi đua cơ sở", en = "Grassroots Emulation Fighter" },
  basis   = "Luật Thi đua, khen thưởng 2022, Điều 23",
  params  = {
    -- one sáng kiến / đề tài / mưu trí recognised in the year, as the
    -- alternative to an excellent rating (Điều 23, khoản 2) [V-en]
    initiatives = 1,
  },

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

  criterion "ldtt_standard" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 23, khoản 1",
    status = "V-en",
    vi = "Đạt tiêu chuẩn danh hiệu Lao động tiên tiến hoặc Chiến sĩ tiên tiến "
      .. "(hoặc đã được tặng danh hiệu này trong năm)",
    en = "Meets the Advanced Worker or Advanced Soldier standard (or already "
      .. "holds the title for the year)",
    check = function(s, n, p)
      if s.category == "soldier" then
        local c, years = s:honours{ code = "cstt", from = n.year, to = n.year }
        if c > 0 then
          return pass(tr("Đã được tặng cstt năm ", "cstt conferred for ")
            .. years)
        end
        return unknown(tr("lực lượng vũ trang: tiêu chuẩn Chiến sĩ tiên tiến "
          .. "chưa được mã hóa", "armed forces: the Advanced Soldier standard "
          .. "is not encoded"))
      end
      return holds_or_meets("ldtt", s, n, n.year)
    end,
  },

  routes "achievement" {
    vi = "Đạt một trong các thành tích của khoản 2 Điều 23",
    en = "One of the achievements of Article 23(2)",

    route "excellent_rating" {
      vi = "Hoàn thành xuất sắc nhiệm vụ", en = "Excellent rating",
      criterion "rating_excellent" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 23, khoản 2",
        status = "V-en",
        vi = "Được công nhận hoàn thành xuất sắc nhiệm vụ",
        en = "Rated excellent in the year",
        check = function(s, n, p)
          return lib.consecutive(s, "excellent", n.year, 1)
        end,
      },
    },

    route "innovation" {
      vi = "Sáng kiến, đề tài hoặc mưu trí được công nhận",
      en = "A recognised initiative, research work or combat ingenuity",
      criterion "initiative" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 23, khoản 2",
        status = "V-en",
        vi = "Có sáng kiến được cơ sở công nhận, hoặc đề tài, đề án, công "
          .. "trình khoa học và công nghệ đã được nghiệm thu, hoặc mưu trí, "
          .. "sáng tạo trong chiến đấu được đơn vị công nhận",
        en = "An initiative recognised at grassroots level, an accepted "
          .. "research work, or recognised combat ingenuity, in the year",
        check = function(s, n, p)
          return lib.initiatives(s, n.year, n.year, "unit", p.initiatives,
            { kinds = { "initiative", "research", "combat" } })
        end,
      },
    },
  },
}
