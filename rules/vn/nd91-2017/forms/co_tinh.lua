-- Cờ thi đua cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương (collective title).
--
-- Basis: NĐ 91/2017/NĐ-CP, Điều 12 khoản 1 [V]: the collective is chosen as
-- the most outstanding through bình xét, đánh giá, so sánh in its khối or
-- cụm thi đua (national-criteria.md §2.7 A-COT-1; kontum-notes.md CTĐT-1).
-- Luật Thi đua, khen thưởng 2003, Điều 26: its substantive criteria were not
-- read [U] (A-COT-2..4, "from recollection" in kontum-notes CTĐT-2); they are
-- encoded on that reading and carry status U.
--
-- Not encoded: how many flags a khối/cụm may receive (a provincial rule,
-- unread for Kon Tum); the bloc's ranking arrives as the attested fact
-- `bloc_rank`.

form "co_tinh" {
  subject = "unit",
  name    = { vi = "Cờ thi đua cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương",
              en = "Ministry/Provincial Emulation Flag" },
  basis   = "Luật Thi đua, khen thưởng 2003, Điều 26; NĐ 91/2017/NĐ-CP, Điều 12",
  params  = { bloc_rank = 1 },   -- NĐ 91 Điều 12 khoản 1: the bloc's leader

  criterion "bloc_leader" {
    basis  = "NĐ 91/2017/NĐ-CP, Điều 12, khoản 1",
    status = "V",
    vi = "Được bình xét, đánh giá, so sánh là tập thể tiêu biểu xuất sắc nhất trong "
      .. "khối, cụm thi đua",
    en = "Chosen as the most outstanding collective of its emulation bloc",
    check = function(s, n, p)
      return lib.leads_bloc(s, n.year, p.bloc_rank)
    end,
  },

  criterion "exceeded_targets" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 26",
    status = "U",
    vi = "Hoàn thành vượt mức các chỉ tiêu thi đua và nhiệm vụ được giao trong năm",
    en = "Exceeded the year's emulation targets and tasks",
    check = function(s, n, p)
      return lib.fact_true(s, "exceeded_targets", n.year)
    end,
  },

  criterion "new_model" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 26",
    status = "U",
    vi = "Có nhân tố mới, mô hình mới để các tập thể khác học tập",
    en = "Has new factors or models for others to learn from",
    check = function(s, n, p)
      return lib.fact_true(s, "new_model", n.year)
    end,
  },

  criterion "internal_unity" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 26",
    status = "U",
    vi = "Nội bộ đoàn kết",
    en = "Internal solidarity",
    check = function(s, n, p)
      return lib.fact_true(s, "internal_unity", n.year)
    end,
  },

  criterion "thrift" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 26",
    status = "U",
    vi = "Tích cực thực hành tiết kiệm, chống lãng phí, chống tham nhũng",
    en = "Practises thrift, fights waste and corruption",
    check = function(s, n, p)
      return lib.fact_true(s, "thrift", n.year)
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
