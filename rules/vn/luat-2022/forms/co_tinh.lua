-- Cờ thi đua cấp bộ, ban, ngành, tỉnh (tập thể), regime B.
--
-- Luật Thi đua, khen thưởng 2022, Điều 26: NOT READ in a primary copy.
--   B-COT-1 [P]: given to the collectives leading the khối / cụm thi đua of
--     the ministry or province (TT 29/2023/TT-BGDĐT Điều 4 applies "khoản 1,
--     khoản 2 Điều 26" to "tập thể dẫn đầu phong trào thi đua của cụm,
--     khối").
--   B-COT-2 [U]: the substantive criteria of khoản 1–2, by analogy with
--     Điều 25 (Cờ thi đua của Chính phủ): exceed the targets, internal
--     unity, clean and strong party and mass organisations, thrift and the
--     fight against waste and corruption. Encoded on that best reading, each
--     carrying [U]: check them first.
--   Khoản 3: ministries and provinces detail it [V-en].
-- NĐ 98/2023/NĐ-CP, Điều 4 [V]: no award while a review is pending.
--
-- Not encoded: any cap on the number of flags per bloc (Kon Tum's is not
-- read; kontum-notes §8).

form "co_tinh" {
  subject = "unit",
  name    = { vi = "Cờ thi đua cấp bộ, ban, ngành, tỉnh",
              en = "Ministerial or Provincial Emulation Flag" },
  basis   = "Luật Thi đua, khen thưởng 2022, Điều 26",
  params  = {
    -- "dẫn đầu" the khối / cụm thi đua: rank 1 (Điều 26) [P]
    bloc_rank = 1,
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

  criterion "leads_bloc" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 26",
    status = "P",
    vi = "Là tập thể dẫn đầu phong trào thi đua của cụm, khối thi đua",
    en = "Leads its emulation bloc or cluster in the year",
    check = function(s, n, p)
      return lib.leads_bloc(s, n.year, p.bloc_rank)
    end,
  },

  criterion "exceeded_targets" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 26, khoản 1, khoản 2",
    status = "U",
    vi = "Hoàn thành vượt mức các chỉ tiêu thi đua và nhiệm vụ được giao",
    en = "Exceeded the year's emulation targets and tasks",
    check = function(s, n, p)
      return lib.fact_true(s, "exceeded_targets", n.year)
    end,
  },

  criterion "internal_unity" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 26, khoản 1, khoản 2",
    status = "U",
    vi = "Nội bộ đoàn kết",
    en = "Internal unity",
    check = function(s, n, p)
      return lib.fact_true(s, "internal_unity", n.year)
    end,
  },

  criterion "party_org_clean" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 26, khoản 1, khoản 2",
    status = "U",
    vi = "Tổ chức đảng, đoàn thể trong sạch, vững mạnh",
    en = "Clean and strong party and mass organisations",
    check = function(s, n, p)
      return lib.fact_true(s, "party_org_clean", n.year)
    end,
  },

  criterion "thrift" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 26, khoản 1, khoản 2",
    status = "U",
    vi = "Đi đầu trong thực hành tiết kiệm, chống lãng phí, chống tham nhũng",
    en = "Leads in thrift and against waste and corruption",
    check = function(s, n, p)
      return lib.fact_true(s, "thrift", n.year)
    end,
  },
}
