-- Giấy khen (cá nhân; tập thể, hộ gia đình), regime B.
--
-- Luật Thi đua, khen thưởng 2022, Điều 75:
--   khoản 2 [V]: "Bộ, ban, ngành, tỉnh, trong phạm vi nhiệm vụ, quyền hạn
--     của mình, quy định chi tiết, hướng dẫn cụ thể tiêu chuẩn xét tặng giấy
--     khen đối với cá nhân, tập thể, hộ gia đình thuộc thẩm quyền quản lý".
--   khoản 1: the national criteria were NOT READ [U]; nothing of it is
--     encoded.
-- Luật 2022, Điều 2 [V-en]: hộ gia đình is a subject of commendation in its
--   own right (case D20; under regime A only "gia đình" under BK TTg).
-- Luật 2022, Điều 8 [V-en]: the types of commendation; kháng chiến is not
--   one of them and continues only as a transitional task (Điều 96 [V],
--   case D21).
-- NĐ 98/2023/NĐ-CP, Điều 4 [V]: no award while a review is pending.
--
-- The national layer therefore gives no standard: every nomination that
-- is not barred goes to review until a ministry or province amends the
-- criterion "standard_delegated" with its own criteria. Two forms, one per
-- kind of subject: persons, and units (collectives and households, a unit
-- of kind `household`).

local ENCODED = { merit = true, thematic = true, ad_hoc = true }

-- Criteria common to both subjects (fresh tables for each form).
local function common(who)
  return {
    criterion "not_under_review" {
      basis  = "NĐ 98/2023/NĐ-CP, Điều 4",
      status = "V",
      vi = "Không trong thời gian đang bị xem xét kỷ luật, điều tra, thanh "
        .. "tra, kiểm tra hoặc có khiếu nại, tố cáo đang được xác minh",
      en = "No disciplinary review, investigation, inspection or complaint "
        .. "pending",
      check = function(s, n, p)
        return lib.fact_not(s, "under_review", n.year)
      end,
    },

    criterion "kind_encoded" {
      basis  = "Luật Thi đua, khen thưởng 2022, Điều 8",
      status = "V-en",
      vi = "Loại hình khen thưởng có tiêu chí được mã hóa (theo công trạng, "
        .. "theo phong trào thi đua, đột xuất)",
      en = "A kind of commendation whose criteria are encoded (merit, "
        .. "movement, ad hoc)",
      check = function(s, n, p)
        return lib.kind_encoded(n, ENCODED)
      end,
    },

    criterion "standard_delegated" {
      basis  = "Luật Thi đua, khen thưởng 2022, Điều 75, khoản 2",
      status = "V",
      vi = "Đạt tiêu chuẩn xét tặng Giấy khen do bộ, ban, ngành, tỉnh quy "
        .. "định chi tiết đối với cá nhân, tập thể, hộ gia đình",
      en = "Meets the Certificate standard that the ministry or province "
        .. "details for individuals, collectives and households",
      check = function(s, n, p)
        return unknown(who(s) .. tr(": tiêu chuẩn do bộ, ban, ngành, tỉnh "
          .. "quy định (Điều 75 khoản 2); chưa đọc được Điều 75 khoản 1",
          ": the standard is left to ministries and provinces (Điều 75 "
          .. "khoản 2); Điều 75 khoản 1 not read"))
      end,
    },
  }
end

form "giay_khen" {
  kinds   = { "merit", "thematic", "ad_hoc" },  -- other kinds: a person decides
  subject = "person",
  name    = { vi = "Giấy khen", en = "Certificate of Commendation" },
  basis   = "Luật Thi đua, khen thưởng 2022, Điều 75",
  table.unpack(common(function(s) return tr("cá nhân", "individual") end)),
}

form "giay_khen" {
  kinds   = { "merit", "thematic", "ad_hoc" },  -- other kinds: a person decides
  subject = "unit",
  name    = { vi = "Giấy khen", en = "Certificate of Commendation" },
  basis   = "Luật Thi đua, khen thưởng 2022, Điều 75; Điều 2",
  table.unpack(common(function(s)
    if s.kind == "household" then return tr("hộ gia đình", "household") end
    return tr("tập thể", "collective")
  end)),
}
