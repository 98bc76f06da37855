#!/usr/bin/env python3
"""Generate a deterministic example province for tdkt.

    python3 scripts/gen_example.py --people N --out DIR [--seed S] [--year Y]
                                   [--jobs J] [--summary]

writes DIR/units.csv, people.csv, appraisals.csv, honours.csv,
initiatives.csv, disciplines.csv, facts.csv and nominations.csv in the format
of spec/data-format.md.

THE PROVINCE IS FICTIONAL. It is modelled on Kon Tum (its agencies, the
Kon Tum-style place names of its districts and communes, the Bahnar and Xơ Đăng
names of part of its people), but every unit, person, record and decision
number is invented by this script. Nothing in it describes a real body or a
real person.

Shape:
- about N/40 units (at least 40): provincial departments (Sở, Ban) with their
  offices (Phòng, small collectives), schools, hospitals, district and commune
  People's Committees (UBND huyện/xã), armed forces, companies, cooperatives
  (HTX), mass organisations, households; every unit kind of data-format.md;
  emulation blocs (khối, cụm thi đua) of about 6 to 10 units;
- people with Vietnamese names, ~15% leaders, mixed categories, some new hires;
- ten years Y-9..Y of appraisals with streaks, absences and gaps; the honours
  such a record earns; initiatives; a few disciplinary measures; attested
  facts for year Y (some deliberately missing); one nomination per person and
  per unit for year Y.
- a fixed set of hand-written cases ("showcases", see PERSON_SHOWCASES and
  UNIT_SHOWCASES) is planted at evenly spaced people and at chosen units, so
  that every award code appears, eligible and not, even at small N.

Same arguments give byte-identical output: all randomness comes from
random.Random(seed) (the units) and random.Random("seed/chunk") (each chunk
of about 25,000 people), nothing reads the clock, and nothing depends on set
or dict iteration order (dicts keep insertion order; no sets are iterated).
Rows are streamed to the files one unit group at a time, so memory stays
small at a million people; chunks run in parallel (--jobs, default: the CPUs
available) and the output does not depend on how many.
"""

import argparse
import csv
import datetime
import os
import random
import re
import shutil
import sys
import unicodedata

# ---------------------------------------------------------------------------
# Output format (spec/data-format.md)

HEADERS = {
    'units': ['id', 'name', 'parent_id', 'kind', 'bloc', 'small'],
    'people': ['id', 'full_name', 'unit_id', 'is_leader', 'category', 'gender',
               'ethnic_minority', 'birth_year', 'hired'],
    'appraisals': ['subject_type', 'subject_id', 'year', 'rating', 'unit_id',
                   'months_worked', 'absence'],
    'honours': ['subject_type', 'subject_id', 'code', 'year', 'kind',
                'decision_no', 'decision_date', 'initiatives'],
    'initiatives': ['id', 'person_id', 'year', 'scope', 'kind', 'applied',
                    'title'],
    'disciplines': ['subject_type', 'subject_id', 'date', 'level', 'ends',
                    'note'],
    'facts': ['subject_type', 'subject_id', 'year', 'key', 'value', 'source'],
    'nominations': ['id', 'subject_type', 'subject_id', 'code', 'year', 'kind',
                    'campaign', 'proposed_by', 'submitted'],
}
TABLES = list(HEADERS)

RATING = ('excellent', 'good', 'complete', 'incomplete')
X, G, C, I = 0, 1, 2, 3          # rating indices; None = no appraisal that year
RCHAR = {'X': X, 'G': G, 'C': C, 'I': I, '-': None}


def nfc(s):
    return unicodedata.normalize('NFC', s)


# ---------------------------------------------------------------------------
# Names

HO = [  # family names with rough national weights (per mille)
    ('Nguyễn', 310), ('Trần', 110), ('Lê', 95), ('Phạm', 70), ('Hoàng', 35),
    ('Huỳnh', 20), ('Phan', 45), ('Vũ', 25), ('Võ', 20), ('Đặng', 21),
    ('Bùi', 20), ('Đỗ', 14), ('Hồ', 13), ('Ngô', 13), ('Dương', 10),
    ('Lý', 5), ('Trịnh', 6), ('Đinh', 8), ('Lâm', 4), ('Phùng', 3),
    ('Mai', 4), ('Tô', 3), ('Hà', 5), ('Lương', 4), ('Cao', 4), ('Tạ', 2),
    ('Châu', 2), ('Đoàn', 6), ('Trương', 8), ('Văn', 2), ('Kiều', 2),
    ('Thái', 3), ('Quách', 2), ('Lưu', 3), ('La', 1),
]
DEM_M = ['Văn', 'Văn', 'Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Công', 'Thanh',
         'Xuân', 'Ngọc', 'Anh', 'Tuấn', 'Trọng', 'Đình', 'Quốc', 'Hoàng',
         'Thành', 'Duy', 'Bá', 'Viết', 'Tiến', 'Mạnh', 'Gia', 'Hồng', 'Văn Minh',
         'Đình Quốc', 'Hữu Thanh']
DEM_F = ['Thị', 'Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Thùy', 'Kim',
         'Hồng', 'Mỹ', 'Bích', 'Phương', 'Hoài', 'Minh', 'Diệu', 'Khánh',
         'Thị Thu', 'Thị Thanh', 'Thị Kim', 'Thị Ngọc', 'Thị Minh', 'Thị Hồng',
         'Thị Mỹ', 'Ngọc Bảo']
TEN_M = ['Hùng', 'Dũng', 'Tuấn', 'Minh', 'Nam', 'Long', 'Hải', 'Sơn', 'Quang',
         'Thắng', 'Cường', 'Phong', 'Tùng', 'Khoa', 'Hiếu', 'Đạt', 'Huy', 'Bình',
         'Tâm', 'Trung', 'Vinh', 'Toàn', 'Thịnh', 'Phúc', 'Lâm', 'Kiên', 'Trí',
         'Nghĩa', 'Thành', 'Hòa', 'Tài', 'Lộc', 'Hưng', 'Việt', 'Đức', 'Quân',
         'Thuận', 'Hậu', 'Tiến', 'Bảo', 'Khánh', 'Hoàng', 'Duy', 'Lực', 'Chiến',
         'Thạch', 'Công', 'Nhân', 'Sang', 'Tín']
TEN_F = ['Lan', 'Hương', 'Hoa', 'Mai', 'Linh', 'Trang', 'Hà', 'Ngọc', 'Thảo',
         'Nhung', 'Hạnh', 'Yến', 'Loan', 'Thủy', 'Thu', 'Vân', 'Hằng', 'Phương',
         'Huyền', 'Trinh', 'Nga', 'Diệp', 'Oanh', 'Tuyết', 'Liên', 'Hồng', 'Nhi',
         'Duyên', 'Thư', 'Quyên', 'Ánh', 'Dung', 'Giang', 'Hiền', 'Mơ', 'Lý',
         'Châu', 'Trâm', 'Uyên', 'Thoa', 'Xuân', 'My', 'Vy', 'Hậu', 'Nguyệt']
# Bahnar / Xơ Đăng / Giẻ Triêng style names (A … for men, Y … for women) and
# family names used by ethnic-minority people of the Central Highlands.
DTTS_M = ['Thuông', 'Pải', 'Khoa', 'Đe', 'Vưu', 'Jơ', 'Rin', 'Nhao', 'Bloi',
          'Hlây', 'Kiêm', 'Tuyên', 'Brôh', 'Lin', 'Ngơ', 'Rơi', 'Phiên', 'Bum',
          'Vinh', 'Sáu', 'Hyên', 'Lâm', 'Dũng', 'Hmưn', 'Pơng', 'Trui', 'Khiêm',
          'Thịnh', 'Nhiên', 'Blưu']
DTTS_F = ['Blú', 'Hiên', 'Nga', 'Lan', 'Thuận', 'Vêl', 'Khuyên', 'Nơi', 'Ngọc',
          'Đào', 'Sương', 'Hoa', 'Thơ', 'Hlim', 'Tuyết', 'Xiêm', 'Pết', 'Mai',
          'Liên', 'Dơ', 'Hrên', 'Siêng', 'Bông', 'Phương', 'Hmiêu', 'Nhung',
          'Hlươn', 'Yên', 'Lý', 'Khiêm']
DTTS_HO = ['Đinh', 'Đinh', 'Đinh', 'Hồ', 'Lê', 'Nguyễn', 'Trần', 'A Lăng']

# Kon Tum-style place syllables. Combinations that are real district names
# are left out; communes may coincide with real ones, as names do.
PLACE1 = ['Đắk', 'Ia', 'Kon', 'Ngọc', 'Sa', 'Măng', 'Plei', 'Tu', 'Mô', 'Ya',
          'Pờ', 'Văn']
PLACE2 = ['Glei', 'Tô', 'Hà', 'Rẫy', 'Plông', 'Mơ Rông', 'Chót', 'Long', 'Pxi',
          'Xú', 'Nhoong', 'Ring', 'Tăng', 'Psi', 'Hring', 'La', 'Ui', 'Blà',
          'Pét', 'Man', 'Sao', 'Rơ Wa', 'Cấm', 'Năng', 'Nông', 'Môn', 'Ang',
          'Trăm', 'Tơ Re', 'Lây', 'Pne', 'Ruồng', 'Tờ Kan', 'Choong', 'Kroong',
          'Rơ Nga', 'Hlây', 'Tơ Lung', 'Dục', 'Mar', 'Kôi', 'Đrếk', 'Hniêng',
          'Yang', 'Bơ Ngoong', 'Rinh', 'Sắk', 'Kang', 'Tơ Pang', 'Mây']
REAL_DISTRICTS = ['Đắk Glei', 'Ngọc Hồi', 'Đắk Tô', 'Kon Plông', 'Kon Rẫy',
                  'Đắk Hà', 'Sa Thầy', 'Tu Mơ Rông', 'Ia H\'Drai', 'Kon Tum']
CITY_WARDS = ['Quyết Thắng', 'Thắng Lợi', 'Thống Nhất', 'Quang Trung',
              'Duy Tân', 'Ngô Mây', 'Trường Chinh', 'Trần Hưng Đạo',
              'Nguyễn Trãi', 'Lê Lợi']
THPT_NAMES = ['Phan Bội Châu', 'Lê Lợi', 'Trần Hưng Đạo', 'Nguyễn Trãi',
              'Quang Trung', 'Ngô Mây', 'Duy Tân', 'Lương Thế Vinh', 'Nguyễn Du',
              'Chu Văn An', 'Trường Chinh', 'Phan Chu Trinh', 'Nguyễn Văn Cừ',
              'Lê Quý Đôn', 'Hùng Vương', 'Nguyễn Huệ', 'Lý Tự Trọng',
              'Võ Thị Sáu']

# ---------------------------------------------------------------------------
# Units: the provincial catalogue. Entries are
#   (key, name, kind, parent_key, small, weight, sector, family, issuer, tier)
# tier 0 entries come first, so that the 40 units of a small province already
# hold every kind, a parent hierarchy and the first district.

SO = [  # key, name, sector, family, issuer, offices
    ('snv', 'Sở Nội vụ', 'admin', 'internal', 'SNV',
     ['Phòng Tổ chức - Biên chế', 'Phòng Cải cách hành chính',
      'Phòng Xây dựng chính quyền và Công tác thanh niên',
      'Phòng Văn thư - Lưu trữ']),
    ('sgd', 'Sở Giáo dục và Đào tạo', 'edu', 'socio', 'SGDĐT',
     ['Phòng Giáo dục Trung học', 'Phòng Giáo dục Mầm non - Tiểu học',
      'Phòng Khảo thí và Quản lý chất lượng giáo dục', 'Phòng Tổ chức cán bộ']),
    ('syt', 'Sở Y tế', 'health', 'socio', 'SYT',
     ['Phòng Nghiệp vụ Y', 'Phòng Nghiệp vụ Dược', 'Phòng Kế hoạch - Tài chính']),
    ('stc', 'Sở Tài chính', 'admin', 'econ', 'STC',
     ['Phòng Quản lý ngân sách', 'Phòng Tài chính doanh nghiệp',
      'Phòng Quản lý giá và Công sản']),
    ('snn', 'Sở Nông nghiệp và Phát triển nông thôn', 'agri', 'econ', 'SNN',
     ['Phòng Kế hoạch - Tài chính', 'Phòng Quản lý xây dựng công trình']),
    ('skh', 'Sở Kế hoạch và Đầu tư', 'admin', 'econ', 'SKHĐT',
     ['Phòng Đăng ký kinh doanh', 'Phòng Tổng hợp - Quy hoạch',
      'Phòng Kinh tế ngành']),
    ('sct', 'Sở Công Thương', 'biz', 'econ', 'SCT',
     ['Phòng Quản lý công nghiệp', 'Phòng Quản lý thương mại',
      'Phòng Quản lý năng lượng']),
    ('sgt', 'Sở Giao thông vận tải', 'admin', 'econ', 'SGTVT',
     ['Phòng Quản lý kết cấu hạ tầng giao thông',
      'Phòng Quản lý vận tải, phương tiện và người lái']),
    ('sxd', 'Sở Xây dựng', 'admin', 'econ', 'SXD',
     ['Phòng Quản lý xây dựng', 'Phòng Quản lý nhà và thị trường bất động sản']),
    ('stn', 'Sở Tài nguyên và Môi trường', 'agri', 'econ', 'STNMT',
     ['Phòng Quản lý đất đai', 'Phòng Tài nguyên nước - Khoáng sản']),
    ('sld', 'Sở Lao động - Thương binh và Xã hội', 'admin', 'socio', 'SLĐTBXH',
     ['Phòng Người có công', 'Phòng Bảo trợ xã hội', 'Phòng Lao động - Việc làm']),
    ('svh', 'Sở Văn hóa, Thể thao và Du lịch', 'culture', 'socio', 'SVHTTDL',
     ['Phòng Quản lý văn hóa', 'Phòng Quản lý du lịch',
      'Phòng Quản lý thể dục thể thao']),
    ('stt', 'Sở Thông tin và Truyền thông', 'admin', 'socio', 'STTTT',
     ['Phòng Công nghệ thông tin', 'Phòng Thông tin - Báo chí - Xuất bản']),
    ('skc', 'Sở Khoa học và Công nghệ', 'admin', 'socio', 'SKHCN',
     ['Phòng Quản lý khoa học', 'Phòng Quản lý công nghệ và Sở hữu trí tuệ']),
    ('stp', 'Sở Tư pháp', 'admin', 'internal', 'STP',
     ['Phòng Xây dựng, kiểm tra và theo dõi thi hành pháp luật',
      'Phòng Hành chính tư pháp']),
    ('ttr', 'Thanh tra tỉnh', 'admin', 'internal', 'TTr',
     ['Phòng Thanh tra 1', 'Phòng Tiếp công dân và Xử lý đơn thư']),
    ('vp', 'Văn phòng Ủy ban nhân dân tỉnh', 'admin', 'internal', 'VP',
     ['Phòng Tổng hợp', 'Phòng Kinh tế', 'Phòng Khoa giáo - Văn xã']),
    ('bdt', 'Ban Dân tộc tỉnh', 'admin', 'socio', 'BDT',
     ['Phòng Chính sách dân tộc']),
    ('bkk', 'Ban Quản lý Khu kinh tế tỉnh', 'admin', 'econ', 'BQLKKT',
     ['Phòng Quản lý doanh nghiệp', 'Phòng Quy hoạch - Xây dựng']),
]
# sub-units of the Sở that are collectives in their own right
SO_SUBS = {
    'snv': [('Ban Thi đua - Khen thưởng', 'agency', 14, 'internal', 'BTĐKT'),
            ('Ban Tôn giáo', 'agency', 10, 'internal', 'BTG')],
    'syt': [('Bệnh viện Đa khoa tỉnh', 'public_service', 320, 'health', 'BVĐK'),
            ('Trung tâm Kiểm soát bệnh tật tỉnh', 'public_service', 70,
             'health', 'CDC'),
            ('Bệnh viện Y dược cổ truyền - Phục hồi chức năng',
             'public_service', 90, 'health', 'BVYDCT')],
    'snn': [('Chi cục Kiểm lâm', 'agency', 45, 'econ', 'CCKL'),
            ('Chi cục Thủy lợi', 'agency', 18, 'econ', 'CCTL'),
            ('Trung tâm Khuyến nông', 'public_service', 25, 'svc', 'TTKN')],
    'sld': [('Trung tâm Dịch vụ việc làm', 'public_service', 25, 'svc', 'TTDVVL'),
            ('Cơ sở Bảo trợ xã hội tổng hợp', 'public_service', 35, 'svc',
             'CSBTXH')],
    'svh': [('Bảo tàng - Thư viện tỉnh', 'public_service', 30, 'svc', 'BTTV'),
            ('Trung tâm Văn hóa Nghệ thuật tỉnh', 'public_service', 35, 'svc',
             'TTVHNT')],
    'stt': [('Trung tâm Công nghệ thông tin và Truyền thông', 'public_service',
             20, 'svc', 'TTCNTT')],
    'stn': [('Văn phòng Đăng ký đất đai', 'public_service', 60, 'svc', 'VPĐKĐĐ')],
    'sct': [('Trung tâm Khuyến công và Xúc tiến thương mại', 'public_service',
             18, 'svc', 'TTKC')],
    'skc': [('Trung tâm Ứng dụng và Thống kê khoa học công nghệ',
             'public_service', 16, 'svc', 'TTUD')],
    'stp': [('Trung tâm Trợ giúp pháp lý nhà nước', 'public_service', 15, 'svc',
             'TTTGPL')],
}
OTHER_TOP = [  # name, kind, weight, family, issuer, children (name, kind, small, weight)
    ('Đài Phát thanh và Truyền hình tỉnh', 'public_service', 80, 'svc', 'PTTH',
     [('Phòng Thời sự', 'public_service', 1, 12)]),
    ('Trường Cao đẳng Cộng đồng tỉnh', 'public_service', 90, 'svc', 'CĐCĐ',
     [('Khoa Nông - Lâm', 'public_service', 1, 12)]),
    ('Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 'armed_forces', 120, 'armed', 'BĐBP',
     []),
    ('Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'social_org', 30, 'social',
     'MTTQ', []),
    ('Hội Cựu chiến binh tỉnh', 'social_org', 15, 'social', 'HCCB', []),
    ('Liên đoàn Lao động tỉnh', 'social_org', 30, 'social', 'LĐLĐ', []),
    ('Hội Chữ thập đỏ tỉnh', 'social_org', 15, 'social', 'HCTĐ', []),
    ('Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh', 'social_org', 10, 'social',
     'LHH', []),
    ('Hội Văn học Nghệ thuật tỉnh', 'social_org', 10, 'social', 'HVHNT', []),
    ('Quỹ Bảo vệ và Phát triển rừng tỉnh', 'other', 15, 'social', 'QBVR', []),
    ('Kho bạc Nhà nước tỉnh', 'other', 60, 'other', 'KBNN', []),
    ('Cục Thuế tỉnh', 'other', 90, 'other', 'CT', []),
    ('Bảo hiểm xã hội tỉnh', 'other', 70, 'other', 'BHXH', []),
    ('Chi nhánh Ngân hàng Chính sách xã hội tỉnh', 'other', 50, 'other',
     'NHCSXH', []),
    ('Công ty Điện lực tỉnh', 'enterprise', 200, 'biz', 'PC',
     [('Đội Quản lý vận hành lưới điện số 1', 'enterprise', 1, 25)]),
    ('Công ty Cổ phần Dược - Vật tư y tế tỉnh', 'enterprise', 80, 'biz', 'CTD',
     []),
    ('Công ty Cổ phần Môi trường đô thị', 'enterprise', 110, 'biz', 'CTMT',
     [('Đội Vệ sinh môi trường số 2', 'enterprise', 1, 30)]),
    ('Công ty TNHH MTV Xổ số kiến thiết tỉnh', 'enterprise', 40, 'biz', 'XSKT',
     []),
    ('Công ty Cổ phần Xây dựng giao thông tỉnh', 'enterprise', 90, 'biz',
     'CTXD', []),
]
HUYEN_PHONG = ['Văn phòng HĐND và UBND', 'Phòng Nội vụ', 'Phòng Tài chính - Kế hoạch',
               'Phòng Giáo dục và Đào tạo', 'Phòng Nông nghiệp và Phát triển nông thôn',
               'Phòng Tài nguyên và Môi trường',
               'Phòng Lao động - Thương binh và Xã hội',
               'Phòng Văn hóa và Thông tin', 'Phòng Dân tộc', 'Thanh tra huyện']
COMPANY_KINDS = ['Công ty TNHH MTV Lâm nghiệp', 'Công ty Cổ phần Cao su',
                 'Công ty Cổ phần Thủy điện', 'Công ty TNHH Cà phê',
                 'Công ty Cổ phần Du lịch', 'Công ty TNHH Dược liệu',
                 'Công ty Cổ phần Đường', 'Công ty TNHH Chế biến gỗ']
HTX_KINDS = ['HTX Nông nghiệp', 'HTX Dịch vụ nông nghiệp', 'HTX Sâm dây',
             'HTX Cà phê', 'HTX Dệt thổ cẩm', 'HTX Mây tre đan',
             'HTX Rau an toàn', 'HTX Dược liệu', 'HTX Nuôi cá lồng',
             'HTX Sâm Ngọc Linh']

# people per unit, relative (the allocation scales them to N)
W = {'so': 35, 'phong': 10, 'thpt': 60, 'huyen': 35, 'hphong': 9, 'xa': 24,
     'mn': 22, 'th': 32, 'thcs': 35, 'ptdtnt': 45, 'ttyt': 110, 'tram': 7,
     'bchqs': 80, 'ca': 150, 'capct': 35, 'bchqs_h': 20, 'company': 110,
     'doi': 25, 'htx': 18, 'social': 25, 'hh': 0, 'bql': 30, 'don': 30}

# families: the emulation blocs units are grouped in, with where a family too
# small to form a bloc (fewer than 6 units) is merged into
FAMILY_NAMES = {
    'internal': 'Khối các cơ quan nội chính - tổng hợp',
    'econ': 'Khối các cơ quan kinh tế',
    'socio': 'Khối các cơ quan văn hóa - xã hội',
    'agencies': 'Khối các sở, ban, ngành tỉnh',
    'health': 'Khối các đơn vị y tế',
    'thpt': 'Khối các trường trung học phổ thông',
    'svc': 'Khối các đơn vị sự nghiệp',
    'armed': 'Khối lực lượng vũ trang',
    'social': 'Khối Mặt trận, đoàn thể',
    'other': 'Khối các cơ quan Trung ương đóng trên địa bàn',
    'biz': 'Khối doanh nghiệp',
    'coop': 'Khối hợp tác xã',
    'econ_units': 'Khối doanh nghiệp và hợp tác xã',
    'huyen': 'Cụm thi đua các huyện, thành phố',
    'local': 'Cụm thi đua địa phương',
    'misc': 'Khối thi đua tổng hợp',
}
FAMILY_FALLBACK = {
    'internal': 'agencies', 'econ': 'agencies', 'socio': 'agencies',
    'agencies': 'misc', 'health': 'svc', 'thpt': 'svc', 'svc': 'misc',
    'armed': 'misc', 'social': 'misc', 'other': 'social', 'biz': 'econ_units',
    'coop': 'econ_units', 'econ_units': 'misc', 'huyen': 'local',
    'local': 'misc', 'misc': None,
}


class Unit(object):
    __slots__ = ('idx', 'id', 'key', 'name', 'kind', 'parent', 'small',
                 'weight', 'sector', 'family', 'issuer', 'bloc', 'children',
                 'ratings', 'rank', 'npeople', 'show', 'bb',
                 'tier', 'place', 'hon', 'first')

    def __init__(self, key, name, kind, parent, small, weight, sector, family,
                 issuer, tier=1, place=None):
        self.key, self.name, self.kind, self.parent = key, name, kind, parent
        self.small, self.weight, self.sector = small, weight, sector
        self.family, self.issuer, self.tier = family, issuer, tier
        self.bloc = None
        self.children = []
        self.show = None
        self.place = place


def place_names(rng):
    """All place names, shuffled once: districts and communes draw from it."""
    names = []
    for a in PLACE1:
        for b in PLACE2:
            n = a + ' ' + b
            if n not in REAL_DISTRICTS:
                names.append(n)
    rng.shuffle(names)
    return names


class Catalogue(object):
    """Produces units in priority order; districts are added as needed."""

    def __init__(self, rng, name_gen):
        self.rng = rng
        self.places = place_names(rng)
        self.next_place = 0
        self.name_gen = name_gen
        self.used_names = {}
        self.ndistrict = 0
        self.thpt_i = 0

    def place(self):
        p = self.places[self.next_place % len(self.places)]
        self.next_place += 1
        return p

    def province(self):
        """Provincial units and the first district, as Unit objects."""
        out = []

        def add(u):
            out.append(u)
            return u
        so_units = {}
        # tier-0 picks: (so key -> number of offices / subs in the starter)
        starter_offices = {'snv': 2, 'sgd': 1, 'syt': 1, 'stc': 1, 'snn': 0}
        starter_subs = {'snv': 1, 'syt': 1, 'snn': 1}
        for key, name, sector, fam, iss, offices in SO:
            t0 = key in starter_offices
            so = add(Unit(key, name, 'agency', None, 0, W['so'], sector, fam,
                          iss, 0 if t0 else 1))
            so_units[key] = so
            for i, ph in enumerate(offices):
                add(Unit(key + '/p%d' % i, ph, 'agency', so, 1, W['phong'],
                         sector, None, iss,
                         0 if t0 and i < starter_offices[key] else 1))
            for i, (sn, sk, sw, sf, siss) in enumerate(SO_SUBS.get(key, [])):
                add(Unit(key + '/s%d' % i, sn, sk, so, 0, sw,
                         'health' if sf == 'health' else sector, sf, siss,
                         0 if i < starter_subs.get(key, 0) else 1))
            if key == 'sgd':
                for i in range(6):
                    nm = 'Trường THPT ' + THPT_NAMES[i]
                    self.thpt_i += 1
                    add(Unit('thpt%d' % i, nm, 'public_service', so, 0,
                             W['thpt'], 'edu', 'thpt', 'THPT', 0 if i < 2 else 1))
                add(Unit('ptdtnt', 'Trường Phổ thông Dân tộc nội trú tỉnh',
                         'public_service', so, 0, W['thpt'], 'edu', 'thpt',
                         'PTDTNT', 1))
        self.so = so_units
        # armed forces, two of them in the starter
        bch = add(Unit('bchqs', 'Bộ Chỉ huy Quân sự tỉnh', 'armed_forces', None,
                       0, W['bchqs'], 'armed', 'armed', 'BCH', 0))
        ca = add(Unit('ca', 'Công an tỉnh', 'armed_forces', None, 0, W['ca'],
                      'armed', 'armed', 'CAT', 0))
        for i, nm in enumerate(['Phòng Cảnh sát giao thông',
                                'Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ',
                                'Phòng Cảnh sát hình sự']):
            add(Unit('ca/p%d' % i, nm, 'armed_forces', ca, 0, W['capct'],
                     'armed', 'armed', 'CAT', 1))
        self.bch = bch
        # enterprises, cooperatives, organisations of the starter
        p = self.place()
        lnk = add(Unit('lamnghiep', 'Công ty TNHH MTV Lâm nghiệp ' + p,
                       'enterprise', None, 0, W['company'], 'agri', 'biz', 'CTLN',
                       0, p))
        add(Unit('lamnghiep/d1', 'Đội sản xuất số 1', 'enterprise', lnk, 1,
                 W['doi'], 'agri', None, 'CTLN', 0))
        add(Unit('capnuoc', 'Công ty Cổ phần Cấp thoát nước tỉnh', 'enterprise',
                 None, 0, W['company'], 'biz', 'biz', 'CTN', 0))
        for i, hk in enumerate(['HTX Sâm Ngọc Linh', 'HTX Dịch vụ nông nghiệp']):
            p = self.place()
            add(Unit('htx%d' % i, hk + ' ' + p, 'cooperative', None, 0,
                     W['htx'], 'agri', 'coop', 'HTX', 0, p))
        for i, (nm, iss) in enumerate([('Hội Nông dân tỉnh', 'HND'),
                                       ('Tỉnh đoàn', 'TĐ'),
                                       ('Hội Liên hiệp Phụ nữ tỉnh', 'HLHPN')]):
            add(Unit('hoi%d' % i, nm, 'social_org', None, 0, W['social'],
                     'social', 'social', iss, 0))
        add(Unit('quy', 'Quỹ Đầu tư phát triển tỉnh', 'other', None, 0, 20,
                 'admin', 'other', 'QĐTPT', 0))
        add(Unit('lmhtx', 'Liên minh Hợp tác xã tỉnh', 'other', None, 0, 15,
                 'social', 'social', 'LMHTX', 0))
        for i, (nm, kind, wt, fam, iss, kids) in enumerate(OTHER_TOP):
            sector = {'svc': 'culture', 'armed': 'armed', 'social': 'social',
                      'other': 'admin', 'biz': 'biz'}[fam]
            u = add(Unit('top%d' % i, nm, kind, None, 0, wt, sector, fam, iss, 1))
            for j, (cn, ck, cs, cw) in enumerate(kids):
                add(Unit('top%d/c%d' % (i, j), cn, ck, u, cs, cw, sector, None,
                         iss, 1))
        out.extend(self.district(starter=True))
        # tier 0 first, then the rest, each in catalogue order
        return [u for u in out if u.tier == 0] + [u for u in out if u.tier != 0]

    def district(self, starter=False):
        """One district (huyện; the first one is the city) and its units."""
        d = self.ndistrict
        self.ndistrict += 1
        city = d == 1
        dname = self.place()
        level = 'thành phố' if city else 'huyện'
        dfull = level + ' ' + dname
        k = 'd%d' % d
        out = []

        def add(u, t0=False):
            u.tier = 0 if (starter and t0) else 1
            out.append(u)
            return u
        hu = add(Unit(k, 'UBND ' + dfull, 'local_government', None, 0, W['huyen'],
                      'admin', 'huyen', 'UBND', place=dname), t0=True)
        for i, ph in enumerate(HUYEN_PHONG[:7]):
            nm = ph.replace(' huyện', '') + ' ' + dfull
            add(Unit(k + '/p%d' % i, nm, 'agency', hu, 1, W['hphong'], 'admin',
                     None, 'UBND'), t0=i in (1, 2))
        so = self.so
        ttyt = add(Unit(k + '/ttyt', 'Trung tâm Y tế ' + dfull, 'public_service',
                        so['syt'], 0, W['ttyt'], 'health', 'health', 'TTYT'),
                   t0=True)
        add(Unit(k + '/bch', 'Ban Chỉ huy Quân sự ' + dfull, 'armed_forces',
                 self.bch, 0, W['bchqs_h'], 'armed', 'armed', 'BCH'), t0=True)
        if d > 0 or not starter:
            self.thpt_i += 1
            add(Unit(k + '/thpt', 'Trường THPT ' + dname, 'public_service',
                     so['sgd'], 0, W['thpt'], 'edu', 'thpt', 'THPT'))
        add(Unit(k + '/bql', 'Ban Quản lý rừng phòng hộ ' + self.place(),
                 'public_service', so['snn'], 0, W['bql'], 'agri', 'svc', 'BQLR'),
            t0=True)
        nxa = 10
        xa_units = []
        for i in range(nxa):
            if city:
                xname = CITY_WARDS[i % len(CITY_WARDS)]
                lvl = 'phường'
            else:
                xname = dname if i == 0 else self.place()
                lvl = 'thị trấn' if i == 0 else 'xã'
            t0 = i < 3
            xa = add(Unit(k + '/x%d' % i, 'UBND %s %s' % (lvl, xname),
                          'local_government', hu, 0, W['xa'], 'admin',
                          'xa:' + dfull, 'UBND', xname), t0=t0)
            xa.place = xname
            xa_units.append((xa, lvl, xname))
            add(Unit(k + '/x%d/mn' % i, 'Trường Mầm non %s %s' % (lvl, xname),
                     'public_service', hu, 0, W['mn'], 'edu', 'school:' + dfull,
                     'MN'))
            if i % 3 == 2 and not city:
                add(Unit(k + '/x%d/bt' % i,
                         'Trường Phổ thông Dân tộc bán trú Tiểu học và THCS %s %s'
                         % (lvl, xname), 'public_service', hu, 0, W['thcs'], 'edu',
                         'school:' + dfull, 'PTDTBT'), t0=t0)
            else:
                add(Unit(k + '/x%d/th' % i, 'Trường Tiểu học %s %s' % (lvl, xname),
                         'public_service', hu, 0, W['th'], 'edu', 'school:' + dfull,
                         'TH'), t0=(i == 0))
                add(Unit(k + '/x%d/thcs' % i, 'Trường THCS %s %s' % (lvl, xname),
                         'public_service', hu, 0, W['thcs'], 'edu',
                         'school:' + dfull, 'THCS'))
            if i < 5:
                add(Unit(k + '/x%d/tram' % i, 'Trạm Y tế %s %s' % (lvl, xname),
                         'public_service', ttyt, 1, W['tram'], 'health', None,
                         'TTYT'), t0=(i == 0))
            if i in (1, 4, 7):
                g = self.rng.random() < 0.5
                who = self.name_gen(g)
                add(Unit(k + '/x%d/hh' % i, 'Hộ gia đình %s %s, thôn %d, %s %s'
                         % ('bà' if g else 'ông', who, 1 + i % 6, lvl, xname),
                         'household', xa, 0, W['hh'], 'agri', None, 'UBND'),
                    t0=(i == 1))
            if i in (2, 5, 8):
                j = (d * 3 + i) % len(HTX_KINDS)
                add(Unit(k + '/x%d/htx' % i, HTX_KINDS[j] + ' ' + xname,
                         'cooperative', None, 0, W['htx'], 'agri', 'coop', 'HTX'))
            if i in (3, 6):
                j = (d * 2 + i) % len(COMPANY_KINDS)
                co = add(Unit(k + '/x%d/ct' % i, COMPANY_KINDS[j] + ' ' + xname,
                              'enterprise', None, 0, W['company'], 'biz', 'biz',
                              'CT'))
                if i == 3:
                    add(Unit(k + '/x%d/ct/d' % i, 'Đội sản xuất số 2',
                             'enterprise', co, 1, W['doi'], 'biz', None, 'CT'))
        if not city:
            add(Unit(k + '/ptdtnt', 'Trường Phổ thông Dân tộc nội trú ' + dfull,
                     'public_service', hu, 0, W['ptdtnt'], 'edu', 'school:' + dfull,
                     'PTDTNT'))
            if d % 2 == 1:
                add(Unit(k + '/don', 'Đồn Biên phòng ' + self.place(),
                         'armed_forces', None, 0, W['don'], 'armed', 'armed',
                         'ĐBP'))
        for i, ph in enumerate(HUYEN_PHONG[7:]):
            nm = ph.replace(' huyện', '') + ' ' + dfull
            add(Unit(k + '/q%d' % i, nm, 'agency', hu, 1, W['hphong'], 'admin',
                     None, 'UBND'))
        return out

    def build(self, nunits):
        units = self.province()
        while len(units) < nunits:
            units.extend(self.district())
        units = units[:nunits]
        # names: make every name unique, adding the district where needed
        seen = {}
        for i, u in enumerate(units):
            u.idx = i
            base = u.name
            if base in seen:
                p = u.parent
                while p is not None and p.kind != 'local_government':
                    p = p.parent
                suffix = ''
                if p is not None:
                    suffix = ', ' + p.name.replace('UBND ', '')
                elif u.parent is not None:
                    suffix = ', ' + u.parent.name
                n = base + suffix
                j = 2
                while n in seen:
                    n = '%s (%d)' % (base + suffix, j)
                    j += 1
                u.name = n
            seen[u.name] = i
        present = {}
        for u in units:
            present[id(u)] = True
        for u in units:
            if u.parent is not None and id(u.parent) not in present:
                u.parent = None      # a cut-off prefix lost its parent
            if u.parent is not None:
                u.parent.children.append(u)
            if u.small or u.kind == 'household':
                u.family = None
        return units


def assign_blocs(units):
    """Group units of each family into blocs of 6-10 units."""
    fams = {}
    for u in units:
        if u.family is None:
            continue
        f = u.family
        fams.setdefault(f, []).append(u)
    # merge families too small for a bloc (fewer than 6 units) upwards,
    # the most specific families first
    def level(f):
        if f.startswith('xa:') or f.startswith('school:'):
            return 0
        if f in ('agencies', 'svc', 'econ_units', 'local', 'social'):
            return 2
        if f == 'misc':
            return 3
        return 1
    order = list(fams)
    for f in ('agencies', 'svc', 'econ_units', 'local', 'social', 'misc'):
        if f not in fams:
            fams[f] = []
            order.append(f)
    for lv in range(4):
        for f in order:
            members = fams[f]
            if level(f) != lv or not members or len(members) >= 6:
                continue
            if f.startswith('xa:'):
                to = 'local'
            elif f.startswith('school:'):
                to = 'svc'
            else:
                to = FAMILY_FALLBACK.get(f)
            if to is None:
                continue
            fams[to].extend(members)
            fams[to].sort(key=lambda u: u.idx)
            fams[f] = []
    blocs = []
    for f in order:
        members = fams.get(f)
        if not members:
            continue
        if f.startswith('xa:'):
            base = 'Cụm thi đua các xã, thị trấn ' + f[3:]
            if f[3:].startswith('thành phố'):
                base = 'Cụm thi đua các phường ' + f[3:]
        elif f.startswith('school:'):
            base = 'Cụm thi đua các trường học ' + f[7:]
        else:
            base = FAMILY_NAMES[f]
        n = len(members)
        k = max(1, int(round(n / 8.0)))
        lo = -(-n // 10)
        hi = max(1, n // 6)
        k = min(max(k, lo), hi)
        sizes = [n // k + (1 if i < n % k else 0) for i in range(k)]
        pos = 0
        for i, s in enumerate(sizes):
            name = base if k == 1 else '%s số %d' % (base, i + 1)
            chunk = members[pos:pos + s]
            pos += s
            for u in chunk:
                u.bloc = name
            blocs.append((name, chunk))
    return blocs


# ---------------------------------------------------------------------------
# Texts

INIT_PREFIX = ['Giải pháp nâng cao hiệu quả', 'Giải pháp nâng cao chất lượng',
               'Giải pháp đổi mới', 'Ứng dụng công nghệ thông tin trong',
               'Cải tiến quy trình', 'Giải pháp tăng cường',
               'Một số biện pháp nâng cao hiệu quả', 'Số hóa']
RESEARCH_PREFIX = ['Nghiên cứu, đề xuất giải pháp', 'Nghiên cứu ứng dụng',
                   'Đề án nâng cao', 'Nghiên cứu thực trạng và giải pháp']
TOPICS = {
    'admin': ['công tác cải cách hành chính', 'quản lý hồ sơ, tài liệu lưu trữ',
              'tiếp nhận và giải quyết thủ tục hành chính',
              'công tác thi đua, khen thưởng', 'quản lý ngân sách nhà nước',
              'thẩm định dự án đầu tư công', 'công tác tiếp công dân',
              'quản lý văn bản đi, đến trên môi trường mạng',
              'theo dõi thi hành pháp luật', 'công tác dân tộc ở vùng sâu, vùng xa'],
    'edu': ['dạy học môn Ngữ văn cho học sinh dân tộc thiểu số',
            'rèn kỹ năng đọc cho học sinh lớp 1', 'công tác chủ nhiệm lớp',
            'phụ đạo học sinh yếu, kém', 'dạy tiếng Việt cho trẻ mầm non người dân tộc thiểu số',
            'dạy học Toán theo chương trình giáo dục phổ thông 2018',
            'tổ chức hoạt động trải nghiệm cho học sinh bán trú',
            'duy trì sĩ số học sinh'],
    'health': ['chăm sóc người bệnh sau phẫu thuật', 'tiêm chủng mở rộng tại thôn, làng',
               'quản lý bệnh nhân tăng huyết áp tại tuyến xã', 'phòng, chống sốt rét',
               'cấp cứu ban đầu tại trạm y tế', 'quản lý thuốc tại khoa dược'],
    'agri': ['trồng và chăm sóc sâm Ngọc Linh dưới tán rừng', 'phòng, chống cháy rừng',
             'tưới nước tiết kiệm cho cây cà phê', 'ghép cải tạo vườn cà phê',
             'giao khoán bảo vệ rừng cho cộng đồng', 'trồng dược liệu dưới tán rừng',
             'phòng, chống dịch bệnh trên đàn gia súc'],
    'biz': ['vận hành dây chuyền chế biến mủ cao su', 'bảo dưỡng thiết bị sản xuất',
            'giảm tổn thất điện năng', 'tiết kiệm nguyên, nhiên liệu',
            'quản lý kho hàng', 'an toàn, vệ sinh lao động'],
    'armed': ['huấn luyện dân quân tự vệ', 'công tác tuyển quân',
              'tuần tra, kiểm soát biên giới', 'bảo đảm trật tự an toàn giao thông',
              'phòng, chống tội phạm ma túy'],
    'culture': ['bảo tồn cồng chiêng Tây Nguyên', 'phát triển du lịch cộng đồng',
                'quảng bá di sản văn hóa', 'phát triển phong trào thể dục thể thao'],
    'social': ['vận động đoàn viên, hội viên', 'giúp hội viên phát triển kinh tế',
               'xây dựng mô hình dân vận khéo', 'công tác an sinh xã hội'],
}
DISC_NOTES = ['Vi phạm quy định về chế độ báo cáo', 'Vi phạm quy chế làm việc',
              'Thiếu trách nhiệm trong thực hiện nhiệm vụ được giao',
              'Vi phạm quy định về quản lý tài chính',
              'Vi phạm quy định về giờ giấc làm việc',
              'Để xảy ra sai sót trong thẩm định hồ sơ']
CAMPAIGNS = [
    ('Phong trào thi đua “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”',
     'prime_minister', 5),
    ('Phong trào thi đua “Chung sức xây dựng nông thôn mới”', 'prime_minister', 10),
    ('Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”', 'central_council', 20),
    ('Phong trào thi đua “Dân vận khéo”', 'province', 3),
    ('Phong trào thi đua “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở”',
     'prime_minister', 5),
    ('Phong trào “Toàn dân bảo vệ an ninh Tổ quốc”', 'ministry', 5),
    ('Phong trào thi đua “Đổi mới, sáng tạo trong dạy và học”', 'ministry', 5),
    ('Phong trào thi đua “Bảo vệ và phát triển rừng bền vững”', 'province', 5),
    ('Phong trào thi đua “Doanh nghiệp Việt Nam hội nhập và phát triển”',
     'prime_minister', 5),
    ('Phong trào thi đua “Chuyển đổi số”', 'province', 2),
]

# ---------------------------------------------------------------------------
# Showcases: hand-written records planted so that every award code appears,
# eligible and not, at any N. Years are relative: 0 = Y, 1 = Y-1, ...
# r: ratings for Y-9..Y (X excellent, G good, C complete, I incomplete,
# - none). Every year rated X or G before Y earns LĐTT unless noldtt.
# hon: (code, rel, kind, [indices into init used as basis]).
# init: (rel, scope, kind). disc: (rel, month, day, level).

PERSON_SHOWCASES = [
    dict(name='ldtt_ok', r='GGGXGGGGGG', nom='ldtt'),
    dict(name='ldtt_new_hire_5_months', r='---------G', hired=(0, 8, 1), nom='ldtt'),
    dict(name='ldtt_new_hire_7_months', r='---------G', hired=(0, 6, 1), nom='ldtt'),
    dict(name='ldtt_new_hire_10_months', r='---------G', hired=(0, 3, 1), nom='ldtt'),
    dict(name='ldtt_maternity_6_months', r='GGGGGGGGGG', female=True,
         months={0: (6, 'maternity')}, nom='ldtt'),
    dict(name='ldtt_sick_5_months', r='GGGGXGGGGG', months={0: (5, 'sick')},
         nom='ldtt'),
    dict(name='ldtt_reprimand_in_year', r='GGGGGGGGGG', disc=[(0, 3, 15, 'reprimand')],
         nom='ldtt'),
    dict(name='ldtt_warning_dec31_prev_year', r='GGGGGGGGCG',
         disc=[(1, 12, 31, 'warning')], nom='ldtt'),
    dict(name='ldtt_rated_complete', r='GGGGGCGGGC', nom='ldtt'),
    dict(name='ldtt_self_reliance_fact_missing', r='GGGGGGGGGG',
         facts={'self_reliance': None}, nom='ldtt'),
    dict(name='ldtt_under_review', r='GGGGGGGGGG', facts={'under_review': '1'},
         nom='ldtt'),
    dict(name='ldtt_no_appraisal_in_year', r='GGGGGGGGG-', nom='ldtt'),
    dict(name='cstd_cs_excellent_no_initiative', r='GGGGGGGGGX', nom='cstd_cs'),
    dict(name='cstd_cs_initiative', r='GGGGGGGGXG', init=[(0, 'unit', 'initiative')],
         nom='cstd_cs'),
    dict(name='cstd_cs_research', r='GGGGGGGGGX', init=[(0, 'unit', 'research')],
         nom='cstd_cs'),
    dict(name='cstd_cs_nothing', r='GGGGGGGGGG', nom='cstd_cs'),
    dict(name='bk_tinh_two_cstd_cs', r='GGGGGGXXXX',
         init=[(2, 'unit', 'initiative'), (1, 'unit', 'initiative')],
         hon=[('cstd_cs', 2, 'merit', [0]), ('cstd_cs', 1, 'merit', [1]),
              ('ldtt', 0, 'merit', []), ('cstd_cs', 0, 'merit', [])],
         nom='bk_tinh'),
    dict(name='bk_tinh_two_excellent_two_initiatives', r='GGGGGGGGXX',
         init=[(1, 'unit', 'initiative'), (0, 'unit', 'initiative')],
         nom='bk_tinh'),
    dict(name='bk_tinh_initiative_already_used', r='GGGGGGGGXX',
         init=[(1, 'unit', 'initiative'), (0, 'unit', 'initiative')],
         hon=[('cstd_cs', 1, 'merit', [0])], nom='bk_tinh'),
    dict(name='cstd_tinh_ok', r='GGGGXXXXXX',
         init=[(3, 'unit', 'initiative'), (2, 'unit', 'initiative'),
               (1, 'unit', 'initiative'), (1, 'province', 'initiative')],
         hon=[('cstd_cs', 3, 'merit', [0]), ('cstd_cs', 2, 'merit', [1]),
              ('cstd_cs', 1, 'merit', [2]), ('ldtt', 0, 'merit', []),
              ('cstd_cs', 0, 'merit', [])],
         facts={'outstanding': '1', 'influence_scope': 'province'}, nom='cstd_tinh'),
    dict(name='cstd_tinh_no_province_initiative', r='GGGGXXXXXX',
         init=[(3, 'unit', 'initiative'), (2, 'unit', 'initiative'),
               (1, 'unit', 'initiative'), (0, 'unit', 'initiative')],
         hon=[('cstd_cs', 3, 'merit', [0]), ('cstd_cs', 2, 'merit', [1]),
              ('cstd_cs', 1, 'merit', [2]), ('ldtt', 0, 'merit', []),
              ('cstd_cs', 0, 'merit', [3])],
         facts={'outstanding': '1'}, nom='cstd_tinh'),
    dict(name='cstd_tinh_outstanding_missing', r='GGGGGXXXXX',
         init=[(3, 'unit', 'research'), (2, 'unit', 'initiative'),
               (1, 'unit', 'initiative'), (0, 'province', 'research')],
         hon=[('cstd_cs', 3, 'merit', [0]), ('cstd_cs', 2, 'merit', [1]),
              ('cstd_cs', 1, 'merit', [2]), ('ldtt', 0, 'merit', []),
              ('cstd_cs', 0, 'merit', [])],
         facts={'outstanding': None}, nom='cstd_tinh'),
    dict(name='cstd_tq_ok', r='XXXXXXXXXX',
         init=[(5, 'unit', 'initiative'), (4, 'province', 'initiative'),
               (2, 'unit', 'initiative'), (1, 'province', 'research'),
               (0, 'national', 'research')],
         hon=[('cstd_cs', 9, 'merit', []), ('cstd_cs', 8, 'merit', []),
              ('cstd_cs', 7, 'merit', []), ('cstd_cs', 6, 'merit', []),
              ('cstd_cs', 5, 'merit', [0]), ('cstd_cs', 4, 'merit', []),
              ('cstd_cs', 3, 'merit', []), ('cstd_tinh', 3, 'merit', [1]),
              ('cstd_cs', 2, 'merit', [2]), ('cstd_cs', 1, 'merit', []),
              ('ldtt', 0, 'merit', []), ('cstd_cs', 0, 'merit', []),
              ('cstd_tinh', 0, 'merit', [3])],
         facts={'outstanding': '1', 'influence_scope': 'national'}, nom='cstd_tq'),
    dict(name='cstd_tq_one_cstd_tinh', r='GGGGGXXXXX',
         init=[(1, 'province', 'initiative'), (0, 'national', 'research')],
         hon=[('cstd_cs', 2, 'merit', []), ('cstd_cs', 1, 'merit', []),
              ('ldtt', 0, 'merit', []), ('cstd_cs', 0, 'merit', []),
              ('cstd_tinh', 0, 'merit', [0])],
         facts={'outstanding': '1', 'influence_scope': 'national'}, nom='cstd_tq'),
    dict(name='bk_ttg_ok', r='GGGXXXXXXX',
         init=[(5, 'unit', 'initiative'), (4, 'unit', 'initiative'),
               (3, 'unit', 'initiative'), (2, 'unit', 'initiative'),
               (1, 'unit', 'initiative'), (0, 'unit', 'initiative')],
         hon=[('bk_tinh', 6, 'merit', []), ('cstd_cs', 4, 'merit', [1]),
              ('cstd_cs', 3, 'merit', [2]), ('cstd_cs', 1, 'merit', [4])],
         facts={'outstanding': '1'}, nom='bk_ttg'),
    dict(name='bk_ttg_streak_broken', r='GGGXXXXCXX',
         init=[(5, 'unit', 'initiative'), (4, 'unit', 'initiative'),
               (3, 'unit', 'initiative'), (1, 'unit', 'initiative'),
               (0, 'unit', 'initiative')],
         hon=[('bk_tinh', 6, 'merit', []), ('cstd_cs', 4, 'merit', [1]),
              ('cstd_cs', 3, 'merit', [2]), ('cstd_cs', 1, 'merit', [3])],
         nom='bk_ttg'),
    dict(name='bk_ttg_based_on_thematic_bk_tinh', r='GGGXXXXXXX',
         init=[(4, 'unit', 'initiative'), (3, 'unit', 'initiative'),
               (1, 'unit', 'initiative')],
         hon=[('bk_tinh', 6, 'thematic', []), ('cstd_cs', 4, 'merit', [0]),
              ('cstd_cs', 3, 'merit', [1]), ('cstd_cs', 1, 'merit', [2])],
         nom='bk_ttg'),
    dict(name='bk_ttg_good_years_three_cstd_cs', r='GGGGGXXGXG',
         init=[(4, 'unit', 'initiative')],
         hon=[('bk_tinh', 6, 'merit', []), ('cstd_cs', 4, 'merit', [0]),
              ('cstd_cs', 3, 'merit', []), ('cstd_cs', 1, 'merit', [])],
         nom='bk_ttg'),
    dict(name='hcld3_ok', r='GGXXXXXXXX',
         init=[(6, 'unit', 'initiative'), (4, 'province', 'initiative'),
               (2, 'province', 'research'), (1, 'unit', 'initiative')],
         hon=[('bk_tinh', 13, 'merit', []), ('bk_ttg', 7, 'merit', []),
              ('cstd_cs', 6, 'merit', [0]), ('cstd_cs', 5, 'merit', []),
              ('cstd_cs', 3, 'merit', []), ('cstd_cs', 1, 'merit', [3])],
         facts={'influence_scope': 'province', 'outstanding': '1'}, nom='hcld3',
         senior=True),
    dict(name='hcld3_bk_ttg_too_recent', r='GXXXXXXXXX',
         init=[(4, 'province', 'initiative'), (2, 'province', 'initiative')],
         hon=[('bk_tinh', 9, 'merit', []), ('bk_ttg', 3, 'merit', []),
              ('cstd_cs', 5, 'merit', []), ('cstd_cs', 2, 'merit', []),
              ('cstd_cs', 1, 'merit', [])],
         nom='hcld3', senior=True),
    dict(name='hcld3_dedication', r='XGXGXXGXXG', nom='hcld3', nomkind='dedication',
         senior=True, leader=True),
    dict(name='bk_ttg_thematic_campaign', r='GGGGGXGXGX', nom='bk_ttg',
         nomkind='thematic', campaign=0, facts={'outstanding': '1'}),
    dict(name='bk_tinh_ad_hoc_before_qd56', r='GGGGGGGGGX', nom='bk_tinh',
         nomkind='ad_hoc', submitted=(0, 10, 20)),
    dict(name='giay_khen_merit', r='GGGCGGGGGG', nom='giay_khen'),
    dict(name='huy_hieu_tinh', r='GGXGGGGXGG', nom='huy_hieu_tinh', senior=True),
    dict(name='ldtt_not_submitted', r='GGGGGGGGGG', nom='ldtt', submitted=None),
    # Codes no shipped rule set judges: their outcome is an `error` that
    # says so (vocabulary.md), which the demo should show too.
    dict(name='cstt_no_form', r='GGGGGGGGGX', nom='cstt'),
    dict(name='hcld2_no_form', r='XXGXXGXXXX', nom='hcld2', senior=True),
    dict(name='hcld1_no_form', r='XXXXXGXXXX', nom='hcld1', senior=True),
]

UNIT_SHOWCASES = [
    # name, requirement, ratings, honours, nomination, options
    dict(name='co_tinh_ok', need='bloc0', r='GGGXGXXGXX', rank=1, nom='co_tinh',
         facts='all1'),
    dict(name='co_tinh_second_in_bloc', need='bloc0', r='GGGGXGXXGX', rank=2,
         nom='co_tinh', facts='all1'),
    dict(name='co_cp_ok', need='bloc1', r='GGXXXXXXXX', rank=1, ranks={1: 1, 2: 1},
         hon=[('co_tinh', 2, 'merit'), ('co_tinh', 1, 'merit'),
              ('ttldxs', 2, 'merit'), ('ttldxs', 1, 'merit')],
         nom='co_cp', facts='all1', outstanding='1'),
    dict(name='co_tinh_new_model_missing', need='bloc2', r='GGGGGXGXXX', rank=1,
         nom='co_tinh', facts='all1', missing='new_model'),
    dict(name='ttldxs_ok', need='people5', r='GGGGXGXGXX', nom='ttldxs',
         facts='all1', members='good'),
    dict(name='ttldxs_member_incomplete', need='people5', r='GGGGGXGXGX',
         nom='ttldxs', facts='all1', members='one_incomplete'),
    dict(name='ttldtt_small_ok', need='small', r='GGGGGGGGGG', nom='ttldtt',
         facts='all1', members='good'),
    dict(name='ttldtt_member_warning', need='people5', r='GGGGGGGGGG', nom='ttldtt',
         facts='all1', members='one_warning'),
    dict(name='ttldtt_rated_complete', need='people3', r='GGGGGGGGGC', nom='ttldtt'),
    dict(name='bk_tinh_unit', need='people3', r='GGGGGGGGXX', nom='bk_tinh',
         facts='all1'),
    dict(name='bk_ttg_unit', need='blocany', r='GGGXXXXXXX',
         hon=[('bk_tinh', 6, 'merit'), ('co_tinh', 3, 'merit')], ranks={3: 1},
         nom='bk_ttg', facts='all1', outstanding='1'),
    dict(name='hcld3_unit', need='blocany', r='GXXXXXXXXX',
         hon=[('bk_tinh', 12, 'merit'), ('bk_ttg', 7, 'merit'),
              ('co_tinh', 4, 'merit')], ranks={4: 1},
         nom='hcld3', facts='all1', outstanding='1'),
    dict(name='giay_khen_small_unit', need='small', r='GGGGGGGCGG', nom='giay_khen'),
    dict(name='huy_hieu_tinh_unit', need='social', r='GGGXGGGGXG',
         nom='huy_hieu_tinh'),
    dict(name='household_bk_tinh_ad_hoc', need='household', nom='bk_tinh',
         nomkind='ad_hoc', submitted=(0, 9, 12)),
    dict(name='household_giay_khen', need='household', nom='giay_khen'),
    dict(name='unit_under_review', need='people3', r='GGGGGGXGGX', nom='ttldxs',
         facts='all1', extra={'under_review': '1'}),
]


# ---------------------------------------------------------------------------

class UnitHonours(object):
    """What add_honour needs of a unit: its honours and their keys."""
    __slots__ = ('unit', 'hon', 'hon_keys', 'issuer')

    def __init__(self, u):
        self.unit, self.hon, self.hon_keys, self.issuer = u, [], {}, u.issuer


class Person(object):
    __slots__ = ('idx', 'id', 'name', 'unit', 'leader', 'cat', 'female',
                 'ethnic', 'birth', 'hired', 'hire_year', 'tier', 'ratings',
                 'months', 'absence', 'unit_hist', 'hon', 'inits', 'discs',
                 'ldtt_years', 'cs_years', 'warn_years',
                 'show', 'hon_keys', 'issuer', 'force_nom')


class Generator(object):

    def __init__(self, npeople, year, seed):
        self.seed = seed
        self.N = npeople
        self.Y = year
        self.rng = random.Random(seed)
        rnd = self.rng.random
        self.rnd = rnd
        Y = year
        # weighted name lists
        ho = []
        for h, w in HO:
            ho.extend([nfc(h)] * w)
        self.ho = ho
        self.dem_m = [nfc(s) for s in DEM_M]
        self.dem_f = [nfc(s) for s in DEM_F]
        self.ten_m = [nfc(s) for s in TEN_M]
        self.ten_f = [nfc(s) for s in TEN_F]
        self.dt_m = [nfc(s) for s in DTTS_M]
        self.dt_f = [nfc(s) for s in DTTS_F]
        self.dt_ho = [nfc(s) for s in DTTS_HO]
        # day strings per year
        self.days = {}
        for y in range(Y - 45, Y + 3):
            d0 = datetime.date(y, 1, 1)
            n = (datetime.date(y + 1, 1, 1) - d0).days
            self.days[y] = [(d0 + datetime.timedelta(i)).isoformat()
                            for i in range(n)]
        self.doy = {}
        for m in range(1, 13):
            self.doy[m] = (datetime.date(2001, m, 1) - datetime.date(2001, 1, 1)).days
        self.nunits = max(40, self.N // 40)
        self.wu = max(4, len(str(self.nunits)))
        self.wp = max(6, len(str(self.N)))
        self.wi = max(5, len(str(self.N)))
        self.wn = max(6, len(str(self.N + self.nunits)))
        self.dcache = {}
        self.base_dates = None
        self.decs = {}
        self.init_no = 0
        self.nom_no = 0
        self.counts = dict((t, 0) for t in TABLES)
        self.code_counts = {}

    # -- small helpers -----------------------------------------------------
    def pick(self, seq):
        return seq[int(self.rnd() * len(seq))]

    def date_between(self, y, m1, d1, m2, d2):
        """A date of year y between m1/d1 and m2/d2 (inclusive)."""
        days = self.days[y]
        a = self.doy[m1] + d1 - 1
        b = min(self.doy[m2] + d2 - 1, len(days) - 1)
        return days[a + int(self.rnd() * (b - a + 1))]

    def person_name(self, female):
        p = self.pick
        if female:
            return '%s %s %s' % (p(self.ho), p(self.dem_f), p(self.ten_f))
        return '%s %s %s' % (p(self.ho), p(self.dem_m), p(self.ten_m))

    def minority_name(self, female):
        p = self.pick
        r = self.rnd()
        if r < 0.55:
            return ('Y ' if female else 'A ') + p(self.dt_f if female else self.dt_m)
        h = p(self.dt_ho)
        if female:
            return '%s Thị %s' % (h, p(self.dt_f))
        return '%s %s %s' % (h, p(['Văn', 'Văn', 'Văn', 'Minh', 'Quang']),
                             p(self.dt_m))

    def count(self, table, n=1):
        self.counts[table] += n

    # -- units -------------------------------------------------------------
    def build_units(self):
        cat = Catalogue(self.rng, lambda f: self.person_name(f))
        units = cat.build(self.nunits)
        wu = self.wu
        for u in units:
            u.id = 'U%0*d' % (wu, u.idx + 1)
            u.name = nfc(u.name)
            u.bb = 1 + int(self.rnd() * 60)
        self.units = units
        self.blocs = assign_blocs(units)
        # people per unit: largest remainder on the weights
        tot = sum(u.weight for u in units) or 1
        quotas = [self.N * u.weight / float(tot) for u in units]
        base = [int(q) for q in quotas]
        rem = self.N - sum(base)
        order = sorted(range(len(units)), key=lambda i: (-(quotas[i] - base[i]), i))
        for i in order[:rem]:
            base[i] += 1
        for u, n in zip(units, base):
            u.npeople = n
        self.plan_groups()
        self.unit_showcases()
        self.unit_ratings()

    def unit_showcases(self):
        used = {}
        blocs = [b for b in self.blocs if len(b[1]) >= 2]
        for sc in UNIT_SHOWCASES:
            need = sc['need']
            cands = []
            if need == 'blocany':
                cands = [u for u in self.units if u.bloc is not None
                         and u.npeople >= 3]
            elif need.startswith('bloc'):
                k = int(need[4:])
                if k < len(blocs):
                    members = [u for u in blocs[k][1] if u.kind != 'household']
                    if sc.get('rank') == 2:
                        members = members[1:]
                    cands = members
            elif need.startswith('people'):
                k = int(need[6:])
                cands = [u for u in self.units if u.npeople >= k and not u.small
                         and u.kind not in ('household', 'armed_forces')]
            elif need == 'small':
                cands = [u for u in self.units if u.small and u.npeople >= 2]
            if sc.get('members'):
                # the members decide the case: no small offices whose people
                # would count too, no planted person among them
                cands = [u for u in cands if not any(c.small for c in u.children)
                         and not any(u.first <= k < u.first + u.npeople
                                     for k in self.show_at)]
            elif need == 'social':
                cands = [u for u in self.units if u.kind == 'social_org']
            elif need == 'household':
                cands = [u for u in self.units if u.kind == 'household']
            for u in cands:
                if u.idx not in used:
                    used[u.idx] = True
                    u.show = sc
                    break

    def unit_ratings(self):
        """Ten years of ratings per unit, and bloc ranks per year."""
        rnd = self.rnd
        for u in self.units:
            u.ratings = None
            if u.kind == 'household':
                continue
            t = rnd()
            if t < 0.3:
                cum = (0.55, 0.95, 0.995)
            elif t < 0.85:
                cum = (0.2, 0.85, 0.98)
            else:
                cum = (0.05, 0.6, 0.93)
            founded = None
            if u.kind in ('enterprise', 'cooperative') and rnd() < 0.15:
                founded = 1 + int(rnd() * 8)       # index of the first year
            rs = []
            prev = None
            for i in range(10):
                if founded is not None and i < founded:
                    rs.append(None)
                    continue
                if prev is not None and rnd() < 0.7:
                    r = prev
                else:
                    x = rnd()
                    r = X if x < cum[0] else G if x < cum[1] else C if x < cum[2] else I
                if i < 9 and rnd() < 0.015:
                    rs.append(None)          # a lost record
                else:
                    rs.append(r)
                prev = r
            sc = u.show
            if sc is not None and sc.get('r'):
                rs = [RCHAR[c] for c in sc['r']]
            u.ratings = rs
        # bloc ranks: rating plus the bloc's judgement (noise)
        for name, members in self.blocs:
            ranks = {}
            for i in range(10):
                scored = []
                for u in members:
                    r = u.ratings[i] if u.ratings else None
                    s = (4 - r if r is not None else 0) + rnd() * 1.6
                    sc = u.show
                    if sc is not None:
                        rel = 9 - i
                        want = sc.get('ranks', {}).get(rel)
                        if rel == 0:
                            want = sc.get('rank', want)
                        if want == 1:
                            s += 100
                        elif want == 2:
                            s += 50
                    scored.append((-s, u.idx, u))
                scored.sort()
                for pos, (_, _, u) in enumerate(scored):
                    ranks.setdefault(u.idx, [0] * 10)[i] = pos + 1
            for u in members:
                u.rank = ranks[u.idx]
        for u in self.units:
            if u.bloc is None:
                u.rank = None

    # -- people ------------------------------------------------------------
    def new_person(self, unit, pos_in_unit, nleaders, sc):
        """One person's identity and ten-year record (no honours yet)."""
        rnd, Y = self.rnd, self.Y
        p = Person()
        p.unit = unit
        p.force_nom = None
        p.issuer = unit.issuer
        if unit.small and unit.parent is not None:
            p.issuer = unit.parent.issuer
        p.show = sc
        p.leader = pos_in_unit < nleaders
        if sc is not None:
            p.leader = bool(sc.get('leader')) or (p.leader and 'hired' not in sc)
        kind = unit.kind
        sector = unit.sector
        pf = {'edu': 0.7, 'health': 0.65, 'armed': 0.12, 'biz': 0.35,
              'agri': 0.4, 'social': 0.6, 'culture': 0.55}.get(sector, 0.48)
        if p.leader:
            pf *= 0.7
        p.female = rnd() < pf
        if sc is not None and sc.get('female'):
            p.female = True
        pe = 0.12
        if kind == 'local_government' and unit.parent is not None:
            pe = 0.55
        elif kind == 'cooperative':
            pe = 0.6
        elif kind == 'public_service' and unit.family and unit.family.startswith('school'):
            pe = 0.35
        elif kind in ('armed_forces', 'enterprise'):
            pe = 0.25
        p.ethnic = rnd() < pe
        if p.ethnic and rnd() < 0.6:
            p.name = self.minority_name(p.female)
        else:
            p.name = self.person_name(p.female)
        # category
        r = rnd()
        k = kind
        if unit.small and unit.parent is not None:
            k = unit.parent.kind
        if k == 'agency':
            cat = 'civil_servant' if r < 0.8 else 'public_employee' if r < 0.88 else 'worker'
        elif k == 'local_government':
            cat = 'civil_servant' if r < 0.85 else 'worker' if r < 0.95 else 'other'
        elif k == 'public_service':
            cat = 'public_employee' if r < 0.88 else 'worker' if r < 0.96 else 'civil_servant'
        elif k == 'enterprise':
            cat = 'worker' if r < 0.55 else 'direct_worker' if r < 0.9 else 'other'
            if p.leader:
                cat = 'entrepreneur' if pos_in_unit == 0 else 'worker'
        elif k == 'cooperative':
            cat = 'farmer' if r < 0.6 else 'direct_worker' if r < 0.85 else 'worker'
            if p.leader and pos_in_unit == 0:
                cat = 'entrepreneur'
        elif k == 'armed_forces':
            cat = 'soldier' if r < 0.7 else 'worker' if r < 0.85 else 'civil_servant'
        elif k == 'social_org':
            cat = 'civil_servant' if r < 0.7 else 'public_employee' if r < 0.8 else 'worker'
        else:
            cat = 'public_employee' if r < 0.5 else 'worker' if r < 0.8 else 'other'
        if sc is not None and cat in ('soldier', 'farmer', 'entrepreneur'):
            cat = 'worker'
        p.cat = cat
        # age and hiring
        hired_fixed = sc.get('hired') if sc is not None else None
        r = rnd()
        if hired_fixed is not None:
            hy = Y - hired_fixed[0]
            age = 24 + int(rnd() * 6)
            birth = Y - age
            hired = '%04d-%02d-%02d' % (hy, hired_fixed[1], hired_fixed[2])
        else:
            if sc is not None and sc.get('senior'):
                age = 52 + int(rnd() * 8)
            elif sc is not None:
                age = 38 + int(rnd() * 12)
            elif p.leader:
                age = 35 + int(rnd() * 25)
            elif r < 0.035:
                age = 22 + int(rnd() * 10)
            else:
                age = 23 + int(rnd() * 38)
            birth = Y - age
            first = birth + 21 + int(rnd() * 4)
            if sc is not None:
                hy = min(first, Y - 12)
                if sc.get('senior'):
                    hy = min(first, Y - 25)
            elif r < 0.035:
                hy = Y
            elif r < 0.075:
                hy = Y - 1
            else:
                span = Y - 2 - first
                hy = first + int(rnd() * rnd() * (span + 1)) if span > 0 else min(first, Y - 2)
            if hy > Y:
                hy = Y
            hired = self.days[hy][int(rnd() * len(self.days[hy]))]
        p.birth = birth
        p.hired = hired
        p.hire_year = hy
        # tier: how this person tends to be rated
        t = rnd()
        if p.leader:
            t *= 0.7
        p.tier = 0 if t < 0.2 else 1 if t < 0.85 else 2
        return p

    def person_record(self, p, members_mode):
        """Ratings, absences, transfers, disciplines, initiatives."""
        rnd, Y = self.rnd, self.Y
        sc = p.show
        hy = p.hire_year
        first = max(0, hy - (Y - 9))
        ratings = [None] * 10
        months = [12] * 10
        absence = [None] * 10
        if hy >= Y - 9:
            hm, hd = int(p.hired[5:7]), int(p.hired[8:10])
            m = 12 - hm + (1 if hd <= 15 else 0)
            months[first] = m
        if sc is not None and sc.get('r'):
            for i, c in enumerate(sc['r']):
                ratings[i] = RCHAR[c]
            for rel, (m, why) in sorted(sc.get('months', {}).items()):
                months[9 - rel] = m
                absence[9 - rel] = why
        else:
            if p.tier == 0:
                cum = (0.62, 0.95, 0.99)
            elif p.tier == 1:
                cum = (0.16, 0.81, 0.975)
            else:
                cum = (0.04, 0.47, 0.92)
            prev = None
            for i in range(first, 10):
                if months[i] <= 0:
                    continue
                if prev is not None and rnd() < 0.7:
                    r = prev
                else:
                    x = rnd()
                    r = X if x < cum[0] else G if x < cum[1] else C if x < cum[2] else I
                    if i == first and hy >= Y - 9 and r == X:
                        r = G
                prev = r
                if rnd() < 0.02 and i != first:
                    continue        # a year whose appraisal is missing
                ratings[i] = r
                # absences (not in the year of hiring)
                if i != first or hy < Y - 9:
                    a = rnd()
                    age = Y - 9 + i - p.birth
                    if p.female and 22 <= age <= 42 and a < 0.045:
                        months[i] = 6 + int(rnd() * 3)
                        absence[i] = 'maternity'
                    elif a < 0.045:
                        pass
                    elif a < 0.057:
                        months[i] = 3 + int(rnd() * 9)
                        absence[i] = 'training'
                    elif a < 0.065:
                        months[i] = 7 + int(rnd() * 5)
                        absence[i] = 'sick'
                    elif a < 0.067:
                        months[i] = 5 + int(rnd() * 7)
                        absence[i] = 'work_injury'
                    elif a < 0.07:
                        months[i] = 8 + int(rnd() * 4)
                        absence[i] = 'other'
            if members_mode == 'good' and ratings[9] is not None and ratings[9] > G:
                ratings[9] = G
            elif members_mode == 'good' and ratings[9] is None and months[9] > 0:
                ratings[9] = G
        for i in range(first):
            ratings[i] = None
        p.ratings = ratings
        p.months = months
        p.absence = absence
        # transfers: earlier years spent in another unit
        p.unit_hist = None
        if sc is None and hy <= Y - 3 and rnd() < 0.06:
            t = max(first + 1, Y - 8 + int(rnd() * 9))
            other = self.units[int(rnd() * len(self.units))]
            if other is not p.unit and other.npeople > 0:
                p.unit_hist = (t, other.id)
        # disciplines
        p.discs = []
        p.warn_years = []
        if sc is not None:
            for rel, m, d, lvl in sc.get('disc', []):
                self.add_discipline(p, Y - rel, m, d, lvl)
        elif rnd() < 0.01:
            y = Y - int(rnd() * 10)
            if y < hy:
                y = hy
            if rnd() < 0.1:
                m, d = 12, 31
            else:
                m, d = 1 + int(rnd() * 12), 1 + int(rnd() * 28)
            a = rnd()
            lvl = ('reprimand' if a < 0.62 else 'warning' if a < 0.92 else
                   'demotion' if a < 0.97 else 'removal')
            self.add_discipline(p, y, m, d, lvl)
            i = y - (Y - 9)
            if 0 <= i < 10 and ratings[i] is not None and rnd() < 0.9:
                ratings[i] = C if rnd() < 0.65 else I
        if members_mode == 'one_warning':
            self.add_discipline(p, Y, 5, 20, 'warning')
        if members_mode == 'one_incomplete':
            ratings[9] = I
        # initiatives
        p.inits = []
        if sc is not None:
            for rel, scope, kind in sc.get('init', []):
                self.add_initiative(p, Y - rel, scope, kind)
        else:
            pi = (0.7, 0.25, 0.05)[p.tier]
            if p.leader:
                pi += 0.1
            if rnd() < pi:
                for i in range(first, 10):
                    r = ratings[i]
                    if r is None or r > G:
                        continue
                    if rnd() < (0.5 if r == X else 0.12):
                        a = rnd()
                        scope = 'unit' if a < 0.86 else 'province' if a < 0.985 else 'national'
                        b = rnd()
                        if p.cat == 'soldier' and b < 0.3:
                            kind = 'combat'
                        else:
                            kind = ('initiative' if b < 0.82 else
                                    'research' if b < 0.98 else 'invention')
                        self.add_initiative(p, Y - 9 + i, scope, kind)
                        if rnd() < 0.1:
                            self.add_initiative(p, Y - 9 + i, 'unit', 'initiative')

    def add_discipline(self, p, y, m, d, lvl):
        months = 6 if lvl == 'reprimand' else 12
        em = m + months
        ey = y + (em - 1) // 12
        em = (em - 1) % 12 + 1
        ed = min(d, [31, 29 if ey % 4 == 0 and (ey % 100 != 0 or ey % 400 == 0) else 28,
                     31, 30, 31, 30, 31, 31, 30, 31, 30, 31][em - 1])
        date = '%04d-%02d-%02d' % (y, m, d)
        ends = '%04d-%02d-%02d' % (ey, em, ed)
        p.discs.append((date, lvl, ends, self.pick(DISC_NOTES), y, ey, em))
        if lvl != 'reprimand':
            p.warn_years.append(y)

    def add_initiative(self, p, y, scope, kind):
        self.init_no += 1
        iid = '\x01%d\x02' % self.init_no      # renumbered when parts are joined
        applied = 1 if self.rnd() < 0.95 or p.show is not None else 0
        if kind == 'research':
            pre = self.pick(RESEARCH_PREFIX)
        elif kind == 'combat':
            pre = 'Cách làm sáng tạo trong'
        elif kind == 'invention':
            pre = 'Giải pháp hữu ích về'
        else:
            pre = self.pick(INIT_PREFIX)
        topics = TOPICS.get(p.unit.sector) or TOPICS['admin']
        title = '%s %s' % (pre, self.pick(topics))
        p.inits.append([iid, y, scope, kind, applied, title])

    # -- honours -----------------------------------------------------------
    # issuing authority and decision-date window of each code, merit kind
    CODE_ISSUER = {'bk_tinh': 'UBND', 'cstd_tinh': 'UBND', 'co_tinh': 'UBND',
                   'huy_hieu_tinh': 'UBND', 'bk_ttg': 'TTg', 'co_cp': 'TTg',
                   'cstd_tq': 'TTg', 'hcld3': 'CTN', 'hcld2': 'CTN',
                   'hcld1': 'CTN'}
    DATE_WINDOW = {'ad_hoc': (0, 3, 1, 12, 28), 'later': (0, 8, 1, 12, 28),
                   'base': (1, 1, 5, 2, 28), 'prov': (1, 2, 15, 6, 30),
                   'state': (1, 5, 1, 12, 20)}
    CODE_WINDOW = {'ldtt': 'base', 'cstt': 'base', 'cstd_cs': 'base',
                   'ttldtt': 'base', 'giay_khen': 'base', 'bk_tinh': 'prov',
                   'ttldxs': 'prov', 'co_tinh': 'prov', 'cstd_tinh': 'prov',
                   'huy_hieu_tinh': 'prov'}

    def decision_dates(self, code, y, kind):
        """The list of dates a decision on (code, y, kind) may bear."""
        if kind == 'merit':
            w = self.CODE_WINDOW.get(code, 'state')
        elif kind == 'ad_hoc':
            w = 'ad_hoc'
        else:
            w = 'later'
        key = (w, y)
        lst = self.dcache.get(key)
        if lst is None:
            dy, m1, d1, m2, d2 = self.DATE_WINDOW[w]
            days = self.days[y + dy]
            lo = self.doy[m1] + d1 - 1
            hi = min(self.doy[m2] + d2 - 1, len(days) - 1)
            lst = days[lo:hi + 1]
            self.dcache[key] = lst
        return lst

    def decision_numbers(self, issuer):
        top = 2500 if issuer in ('UBND', 'TTg', 'CTN') else 400
        decs = ['%d/QĐ-%s' % (k, issuer) for k in range(1, top + 1)]
        self.decs[issuer] = decs
        return decs

    def add_honour(self, p, code, y, kind='merit', inits='', issuer=None):
        """Record an honour on p (a Person or a unit's box) unless present."""
        key = (code, y, kind)
        hk = p.hon_keys
        if key in hk:
            return False
        hk[key] = True
        rnd = self.rnd
        if issuer is None:
            issuer = self.CODE_ISSUER.get(code) or p.issuer
        decs = self.decs.get(issuer) or self.decision_numbers(issuer)
        dec = decs[int(rnd() * len(decs))]
        lst = self.decision_dates(code, y, kind)
        p.hon.append((code, y, kind, dec, lst[int(rnd() * len(lst))], inits))
        return True

    def person_honours(self, p):
        """The titles such a record would have earned, years Y-9..Y-1."""
        rnd, Y = self.rnd, self.Y
        p.hon = []
        p.hon_keys = {}
        sc = p.show
        ratings, months, absence = p.ratings, p.months, p.absence
        by_year = {}
        for it in p.inits:
            by_year.setdefault(it[1], []).append(it)
        used = {}
        cs = {}
        ldtt = {}
        soldier = p.cat == 'soldier'
        st = {'bk': None, 'bkttg': None, 'tinh': [], 'hcld3': None}
        disc_until = []
        for d in p.discs:
            disc_until.append((d[4], d[5], d[6], d[1]))
        if sc is not None:
            explicit = sc.get('hon', [])
            inits = p.inits
            for code, rel, kind, uses in explicit:
                ids = ';'.join(inits[j][0] for j in uses)
                for j in uses:
                    used[inits[j][0]] = True
                self.add_honour(p, code, Y - rel, kind, ids)
                if code == 'cstd_cs':
                    cs[Y - rel] = True
            for i in range(9):
                r = ratings[i]
                if r is not None and r <= G and not sc.get('noldtt'):
                    y = Y - 9 + i
                    blocked = any(dy == y and lvl != '' for dy, _, _, lvl in disc_until)
                    if not blocked:
                        self.add_honour(p, 'ldtt', y)
                        ldtt[y] = True
            for code, rel, kind, uses in explicit:
                if code == 'ldtt':
                    ldtt[Y - rel] = True
            p.ldtt_years = ldtt
            p.cs_years = cs
            st['used'] = used
            return st
        # legacy honours, before the ten-year window
        if p.hire_year <= Y - 12:
            pb = (0.3, 0.05, 0.0)[p.tier] + (0.1 if p.leader else 0)
            if rnd() < pb:
                lo = max(p.hire_year + 3, Y - 19)
                if lo <= Y - 10:
                    b = lo + int(rnd() * (Y - 10 - lo + 1))
                    self.add_honour(p, 'bk_tinh', b)
                    st['bk'] = b
                    if b <= Y - 15 and rnd() < 0.35:
                        t = b + 5 + int(rnd() * (Y - 10 - b - 5 + 1))
                        self.add_honour(p, 'bk_ttg', t)
                        st['bkttg'] = t
        start = max(0, p.hire_year - (Y - 9))
        hon, hk = p.hon, p.hon_keys
        lcode = 'cstt' if soldier else 'ldtt'
        decs = self.decs.get(p.issuer) or self.decision_numbers(p.issuer)
        ndecs = len(decs)
        has_inits = len(p.inits) > 0
        base_dates = self.base_dates
        if base_dates is None:
            base_dates = self.base_dates = [self.decision_dates('ldtt', Y - 9 + i, 'merit')
                                            for i in range(10)]
        for i in range(start, 9):
            r = ratings[i]
            if r is None or r > G:
                continue
            y = Y - 9 + i
            m = months[i]
            if m < 12 and absence[i] not in ('maternity', 'training', 'work_injury'):
                if m < (10 if y < 2023 else 6):
                    continue
            if disc_until:
                blocked = False
                for dy, ey, em, lvl in disc_until:
                    if dy == y or (y >= 2023 and dy < y and ey >= y and em > 1):
                        blocked = True
                if blocked:
                    continue
            if rnd() < 0.07:
                continue               # not proposed that year
            # Lao động tiên tiến (Chiến sĩ tiên tiến for soldiers), inlined
            lst = base_dates[i]
            hon.append((lcode, y, 'merit', decs[int(rnd() * ndecs)],
                        lst[int(rnd() * len(lst))], ''))
            hk[(lcode, y, 'merit')] = True
            ldtt[y] = True
            if not has_inits and st['bk'] is None and not (y >= 2023 and r == X):
                # nothing higher is reachable this year: the same draws as below
                if rnd() < 0.05:
                    self.add_honour(p, 'giay_khen', y)
                continue
            # Chiến sĩ thi đua cơ sở
            avail = [it for it in by_year.get(y, ()) if it[0] not in used and it[4]]
            regb = y >= 2023
            pr = 0.0
            if avail:
                pr = 0.7 if r == X else 0.35
            elif regb and r == X:
                pr = 0.45
            higher = False
            if pr and rnd() < pr:
                ids = ''
                if avail and (not (regb and r == X) or rnd() < 0.6):
                    ids = avail[0][0]
                    used[ids] = True
                if ids and rnd() < 0.25:
                    ids_field = ''      # basis not written down
                else:
                    ids_field = ids
                self.add_honour(p, 'cstd_cs', y, 'merit', ids_field)
                cs[y] = True
            # Bằng khen UBND tỉnh
            last_bk = st['bk']
            if last_bk is None or last_bk < y - 1:
                c1 = cs.get(y) and cs.get(y - 1)
                two = []
                if r == X and i > 0 and ratings[i - 1] == X:
                    two = [it for it in by_year.get(y - 1, []) + by_year.get(y, [])
                           if it[0] not in used and it[4]][:2]
                c2 = len(two) == 2
                if (c1 or c2) and rnd() < 0.5:
                    ids = ''
                    if c2 and not c1:
                        ids = ';'.join(it[0] for it in two)
                        for it in two:
                            used[it[0]] = True
                    self.add_honour(p, 'bk_tinh', y, 'merit', ids)
                    st['bk'] = y
                    higher = True
            # Chiến sĩ thi đua cấp tỉnh
            tinh = st['tinh']
            last_t = tinh[-1] if tinh else -1
            if cs.get(y) and cs.get(y - 1) and cs.get(y - 2) and y - 2 > last_t:
                prov = [it for yy in (y - 2, y - 1, y) for it in by_year.get(yy, ())
                        if it[2] != 'unit' and it[0] not in used]
                if prov and rnd() < 0.6:
                    used[prov[0][0]] = True
                    self.add_honour(p, 'cstd_tinh', y, 'merit', prov[0][0])
                    tinh.append(y)
                    higher = True
            # Bằng khen Thủ tướng
            b = st['bk']
            if b is not None and y - b >= 5 and (st['bkttg'] is None or st['bkttg'] < b):
                lo = max(0, b + 1 - (Y - 9))
                ok = all(ratings[j] is not None and ratings[j] <= G
                         for j in range(max(lo, i - 4), i + 1))
                ncs = sum(1 for yy in range(b + 1, y + 1) if cs.get(yy))
                if ok and ncs >= 3 and rnd() < 0.5:
                    self.add_honour(p, 'bk_ttg', y)
                    st['bkttg'] = y
                    higher = True
            # Huân chương Lao động hạng Ba
            t = st['bkttg']
            if t is not None and y - t >= 5 and st['hcld3'] is None:
                ok = all(ratings[j] is not None and ratings[j] <= G
                         for j in range(max(0, i - 4), i + 1))
                ncs = sum(1 for yy in range(t + 1, y + 1) if cs.get(yy))
                if ok and ncs >= 3 and rnd() < 0.4:
                    self.add_honour(p, 'hcld3', y)
                    st['hcld3'] = y
                    higher = True
            if not higher and rnd() < 0.05:
                self.add_honour(p, 'giay_khen', y)
        # honours of other kinds
        if rnd() < 0.12:
            y = max(p.hire_year, Y - 9) + int(rnd() * (Y - max(p.hire_year, Y - 9) + 1))
            code = 'giay_khen' if rnd() < 0.7 else 'bk_tinh'
            kind = 'thematic' if rnd() < 0.7 else 'ad_hoc'
            self.add_honour(p, code, y, kind)
        age = Y - p.birth
        if p.leader and age >= 57 and rnd() < 0.08:
            self.add_honour(p, 'hcld3' if rnd() < 0.3 else 'bk_tinh',
                            Y - 1 - int(rnd() * 2), 'dedication')
        if age >= 56 and rnd() < 0.01:
            y = max(1979, min(1989, p.birth + 19 + int(rnd() * 4)))
            if y in self.days:
                self.add_honour(p, 'hcld3', y, 'resistance')
        if rnd() < 0.002:
            self.add_honour(p, 'bk_tinh', Y - 1 - int(rnd() * 8), 'foreign')
        p.ldtt_years = ldtt
        p.cs_years = cs
        st['used'] = used
        return st

    # -- facts and nomination ----------------------------------------------
    def person_nomination(self, p, st):
        """Choose the code proposed for year Y, plausible for the record."""
        rnd, Y = self.rnd, self.Y
        sc = p.show
        r = p.ratings[9]
        good = r is not None and r <= G
        used = st['used']
        cs = p.cs_years
        kind = 'merit'
        campaign = ''
        if sc is not None:
            code = sc['nom']
            kind = sc.get('nomkind', 'merit')
            if 'campaign' in sc:
                campaign = CAMPAIGNS[sc['campaign']]
        elif p.force_nom is not None:
            code = p.force_nom
        elif p.cat == 'soldier':
            init_y = [it for it in p.inits if it[1] == Y]
            if good and (r == X or init_y) and rnd() < 0.6:
                code = 'cstd_cs'
            else:
                code = 'giay_khen'
        else:
            init_y = [it for it in p.inits if it[1] == Y and it[0] not in used]
            yrs_good = lambda a, b: all(p.ratings[9 - k] is not None and
                                        p.ratings[9 - k] <= G for k in range(a, b + 1))
            bk, bkttg, tinh = st['bk'], st['bkttg'], st['tinh']
            code = None
            if (bkttg is not None and Y - bkttg >= 5 and st['hcld3'] is None
                    and yrs_good(0, 4) and rnd() < 0.6):
                code = 'hcld3'
            elif (len(tinh) >= 2 and any(it[2] == 'national' and it[0] not in used
                                         for it in p.inits) and rnd() < 0.7):
                code = 'cstd_tq'
            elif (bk is not None and Y - bk >= 5 and (bkttg is None or bkttg < bk)
                  and yrs_good(0, 4)
                  and sum(1 for yy in range(bk + 1, Y) if cs.get(yy)) >= 3
                  and rnd() < 0.6):
                code = 'bk_ttg'
            elif (cs.get(Y - 1) and cs.get(Y - 2) and (not tinh or tinh[-1] < Y - 3)
                  and any(it[2] != 'unit' and it[0] not in used and Y - 3 <= it[1]
                          for it in p.inits) and rnd() < 0.6):
                code = 'cstd_tinh'
                if good and rnd() < 0.5:
                    self.add_honour(p, 'ldtt', Y)
                    if cs.get(Y - 3) or rnd() < 0.5:
                        self.add_honour(p, 'cstd_cs', Y)
            elif good and (bk is None or bk < Y - 1) and (
                    (cs.get(Y - 1) and cs.get(Y - 2)) or
                    (r == X and p.ratings[8] == X and
                     len([it for it in p.inits if it[1] >= Y - 1 and it[0] not in used]) >= 2)) \
                    and rnd() < 0.5:
                code = 'bk_tinh'
                if cs.get(Y - 1) and rnd() < 0.5:
                    # this year's base titles are conferred first (January)
                    self.add_honour(p, 'ldtt', Y)
                    self.add_honour(p, 'cstd_cs', Y)
            elif good and (r == X or init_y) and rnd() < 0.6:
                code = 'cstd_cs'
            elif good:
                a = rnd()
                if a < 0.94:
                    code = 'ldtt'
                elif a < 0.99 or p.hire_year > Y - 20:
                    code = 'giay_khen'
                else:
                    code = 'huy_hieu_tinh'
            else:
                code = 'ldtt' if rnd() < 0.45 else 'giay_khen'
            if rnd() < 0.04:        # proposed above the record
                code = {'ldtt': 'cstd_cs', 'cstd_cs': 'bk_tinh',
                        'bk_tinh': 'cstd_tinh' if rnd() < 0.5 else 'bk_ttg',
                        'giay_khen': 'ldtt'}.get(code, code)
            a = rnd()
            if a < 0.03:
                kind = 'thematic'
                campaign = CAMPAIGNS[int(rnd() * len(CAMPAIGNS))]
                b = rnd()
                code = 'giay_khen' if b < 0.6 else 'bk_tinh' if b < 0.95 else 'bk_ttg'
            elif a < 0.045:
                kind = 'ad_hoc'
                code = 'giay_khen' if rnd() < 0.6 else 'bk_tinh'
        proposer = p.unit
        if proposer.small and proposer.parent is not None:
            proposer = proposer.parent
        submitted = self.submitted(kind, sc)
        return (code, kind, campaign, proposer.id, submitted)

    def submitted(self, kind, sc):
        Y, rnd = self.Y, self.rnd
        if sc is not None and 'submitted' in sc:
            s = sc['submitted']
            if s is None:
                return ''
            return '%04d-%02d-%02d' % (Y - s[0], s[1], s[2])
        if kind == 'ad_hoc':
            return self.date_between(Y, 6, 1, 12, 20)
        if kind == 'thematic':
            if rnd() < 0.5:
                return self.date_between(Y, 9, 1, 12, 20)
            return self.date_between(Y + 1, 1, 5, 3, 31)
        if rnd() < 0.07:
            return ''
        return self.date_between(Y + 1, 1, 5, 3, 31)

    def person_facts(self, p, code):
        rnd, Y = self.rnd, self.Y
        sc = p.show
        over = sc.get('facts', {}) if sc is not None else {}
        src = '%02d/BB-HĐTĐKT' % p.unit.bb
        out = []
        keys = ['compliance', 'self_reliance', 'studies', 'ethics']
        if p.cat in ('worker', 'farmer', 'direct_worker'):
            keys.append('productive')
        disc_y = any(d[4] == Y for d in p.discs)
        for k in keys:
            if k in over:
                v = over[k]
            elif sc is not None:
                v = '1'
            else:
                a = rnd()
                if a < 0.035:
                    v = None
                elif a < 0.05 or (disc_y and k in ('compliance', 'ethics') and a < 0.5):
                    v = '0'
                else:
                    v = '1'
            if v is not None:
                out.append((k, v, src))
        if code in ('cstd_tinh', 'cstd_tq', 'bk_ttg', 'hcld3'):
            if 'outstanding' in over:
                v = over['outstanding']
            elif sc is not None:
                v = None
            else:
                a = rnd()
                v = None if a < 0.12 else '0' if a < 0.18 else '1'
            if v is not None:
                out.append(('outstanding', v, '%d/BB-HĐTĐKT' % (1 + int(rnd() * 40))))
            if 'influence_scope' in over:
                v = over['influence_scope']
            elif sc is not None:
                v = None
            else:
                v = 'national' if code == 'cstd_tq' else 'province'
            if v is not None:
                out.append(('influence_scope', v, ''))
        ur = over.get('under_review')
        if ur is None and sc is None and rnd() < 0.003:
            ur = '1'
        if ur is not None:
            out.append(('under_review', ur, '%d/TB-TTr' % (1 + int(rnd() * 200))))
        return out

    # -- units: honours, facts, nomination ---------------------------------
    def unit_history(self, u, stats):
        """Honours of a unit for Y-9..Y-1, given its members' shares."""
        rnd, Y = self.rnd, self.Y
        box = UnitHonours(u)
        u.hon = box.hon
        sc = u.show
        st = {'bk': None, 'bkttg': None, 'co': {}}
        if u.ratings is None:
            if rnd() < 0.3:
                y = Y - 1 - int(rnd() * 8)
                self.add_honour_unit(box, 'giay_khen' if rnd() < 0.7 else 'bk_tinh', y,
                                     'ad_hoc')
            return box, st
        if sc is not None and sc.get('hon') is not None:
            for code, rel, kind in sc['hon']:
                self.add_honour_unit(box, code, Y - rel, kind)
                if code == 'co_tinh':
                    st['co'][Y - rel] = True
            for i in range(9):
                r = u.ratings[i]
                if r is not None and r <= G:
                    self.add_honour_unit(box, 'ttldtt', Y - 9 + i)
            return box, st
        for i in range(9):
            y = Y - 9 + i
            r = u.ratings[i]
            if r is None or r > G:
                continue
            active, nldtt, ncs, warn = stats[i]
            share = nldtt / float(active) if active else 0.0
            if active == 0:
                share = 0.8 if r == X else 0.6
            if share > 0.5 and not warn and rnd() < 0.9:
                self.add_honour_unit(box, 'ttldtt', y)
                if r == X and share >= 0.7 and (ncs >= 1 or active == 0) and rnd() < 0.6:
                    self.add_honour_unit(box, 'ttldxs', y)
            higher = False
            if u.rank is not None and u.rank[i] == 1 and r == X and rnd() < 0.8:
                self.add_honour_unit(box, 'co_tinh', y)
                st['co'][y] = True
                higher = True
                if st['co'].get(y - 1) and rnd() < 0.3:
                    self.add_honour_unit(box, 'co_cp', y)
            if (r == X and i > 0 and u.ratings[i - 1] == X and not higher and
                    (st['bk'] is None or st['bk'] < y - 3) and rnd() < 0.15):
                self.add_honour_unit(box, 'bk_tinh', y)
                st['bk'] = y
                higher = True
            b = st['bk']
            if (b is not None and y - b >= 5 and st['bkttg'] is None and
                    all(u.ratings[j] == X for j in range(i - 4, i + 1)) and rnd() < 0.3):
                self.add_honour_unit(box, 'bk_ttg', y)
                st['bkttg'] = y
            if not higher and u.small and rnd() < 0.15:
                self.add_honour_unit(box, 'giay_khen', y)
        if rnd() < 0.06:
            y = Y - int(rnd() * 10)
            self.add_honour_unit(box, 'bk_tinh' if rnd() < 0.4 else 'giay_khen', y,
                                 'thematic')
        return box, st

    def add_honour_unit(self, box, code, y, kind='merit'):
        return self.add_honour(box, code, y, kind, '', issuer=self.unit_issuer(box.unit, code))

    def unit_issuer(self, u, code):
        if code in ('bk_tinh', 'co_tinh', 'ttldxs', 'huy_hieu_tinh'):
            return 'UBND'
        if code in ('bk_ttg', 'co_cp'):
            return 'TTg'
        if code in ('hcld3', 'hcld2', 'hcld1'):
            return 'CTN'
        p = u.parent if u.parent is not None else u
        return p.issuer

    def unit_nomination(self, u, st):
        rnd, Y = self.rnd, self.Y
        sc = u.show
        kind, campaign = 'merit', ''
        if sc is not None:
            code = sc['nom']
            kind = sc.get('nomkind', 'merit')
        elif u.kind == 'household':
            code = 'bk_tinh' if rnd() < 0.35 else 'giay_khen'
            kind = 'ad_hoc' if rnd() < 0.6 else 'thematic'
            if kind == 'thematic':
                campaign = CAMPAIGNS[1]
        else:
            r = u.ratings[9]
            rank = u.rank[9] if u.rank is not None else None
            hist = [c for c, y, k, _, _, _ in u.hon if k == 'merit']
            if rank == 1 and r == X and st['co'].get(Y - 1) and rnd() < 0.4:
                code = 'co_cp'
            elif rank == 1 and r == X and rnd() < 0.85:
                code = 'co_tinh'
            elif (st['bk'] is not None and Y - st['bk'] >= 5 and 'bk_ttg' not in hist
                  and all(x == X for x in u.ratings[5:]) and rnd() < 0.5):
                code = 'bk_ttg'
            elif (st['bkttg'] is not None and Y - st['bkttg'] >= 5 and
                  all(x == X for x in u.ratings[5:]) and rnd() < 0.5):
                code = 'hcld3'
            elif r == X:
                a = rnd()
                if u.ratings[8] == X and a < 0.2 and not u.small:
                    code = 'bk_tinh'
                elif a < 0.8:
                    code = 'ttldxs'
                else:
                    code = 'ttldtt'
            elif r == G:
                code = 'ttldtt' if rnd() < 0.85 else 'giay_khen'
            else:
                code = 'ttldtt' if rnd() < 0.6 else 'giay_khen'
            if rnd() < 0.05:
                code = {'ttldtt': 'ttldxs', 'ttldxs': 'co_tinh' if u.bloc else 'bk_tinh',
                        'giay_khen': 'ttldtt', 'bk_tinh': 'bk_ttg'}.get(code, code)
            if code == 'co_tinh' and not u.bloc:
                code = 'ttldxs'
            a = rnd()
            if a < 0.01:
                code = 'huy_hieu_tinh'
            elif a < 0.04:
                kind = 'thematic'
                campaign = CAMPAIGNS[int(rnd() * len(CAMPAIGNS))]
                code = 'bk_tinh' if rnd() < 0.5 else 'giay_khen'
        proposer = u.parent if u.parent is not None else u
        return (code, kind, campaign, proposer.id, self.submitted(kind, sc))

    def unit_facts(self, u, code):
        rnd = self.rnd
        sc = u.show
        out = []
        if u.kind == 'household':
            return out
        src = '%02d/BC-%s' % (u.bb, u.issuer)
        mode = sc.get('facts') if sc is not None else None
        missing = sc.get('missing') if sc is not None else None
        for k in ('internal_unity', 'emulation_movement', 'party_org_clean', 'thrift',
                  'exceeded_targets', 'new_model', 'compliance'):
            if mode == 'all1':
                v = None if k == missing else '1'
            else:
                a = rnd()
                if k == 'new_model':
                    v = None if a < 0.12 else '0' if a < 0.5 else '1'
                else:
                    v = None if a < 0.06 else '0' if a < 0.1 else '1'
            if v is not None:
                out.append((k, v, src))
        if u.rank is not None:
            out.append(('bloc_rank', str(u.rank[9]), '%02d/BB-KTĐ' % (1 + int(rnd() * 30))))
        if code in ('co_tinh', 'co_cp', 'bk_ttg', 'hcld3'):
            if sc is not None:
                v = sc.get('outstanding')
            else:
                a = rnd()
                v = None if a < 0.1 else '0' if a < 0.2 else '1'
            if v is not None:
                out.append(('outstanding', v, '%d/BB-HĐTĐKT' % (1 + int(rnd() * 40))))
        extra = sc.get('extra', {}) if sc is not None else {}
        ur = extra.get('under_review')
        if ur is None and sc is None and rnd() < 0.005:
            ur = '1'
        if ur is not None:
            out.append(('under_review', ur, '%d/TB-TTr' % (1 + int(rnd() * 200))))
        return out

    # -- the run -----------------------------------------------------------
    #
    # The people are cut into chunks of whole unit groups, about CHUNK people
    # each. A chunk draws from its own random.Random("seed/chunk"), and its
    # people and nominations have known id ranges, so chunks can be written
    # in parallel into part files and the output does not depend on the
    # number of processes. Initiative ids are only known once the chunks
    # before are counted: a chunk writes them as \x01<local number>\x02, and
    # the parts are renumbered while they are joined.

    CHUNK = 25000

    def run(self, outdir, jobs):
        os.makedirs(outdir, exist_ok=True)
        # phase 1: units, blocs, unit ratings and showcases (one stream)
        self.build_units()
        with open(os.path.join(outdir, 'units.csv'), 'w', encoding='utf-8',
                  newline='') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(HEADERS['units'])
            self.write_units(w)
        self.plan_chunks()
        # phase 2: the chunks
        global _GEN
        _GEN = self
        nchunks = len(self.chunks)
        jobs = max(1, min(jobs, nchunks))
        args = [(outdir, c) for c in range(nchunks)]
        pool = None
        if jobs > 1:
            import multiprocessing
            try:
                pool = multiprocessing.get_context('fork').Pool(jobs)
            except ValueError:
                pool = None

        def run_all(fn, tasks):
            if pool is not None:
                return pool.map(fn, tasks, chunksize=1)
            return [fn(x) for x in tasks]
        try:
            results = run_all(_run_chunk, args)
            # phase 3: renumber the initiatives of each part, then join them
            offsets = []
            total = 0
            all_counts = dict((t, 0) for t in TABLES)
            all_counts['units'] = len(self.units)
            all_codes = {}
            show_log = []
            for counts, codes, ninit, shows in results:
                show_log.extend(shows)
                offsets.append(total)
                total += ninit
                for t, n in counts.items():
                    all_counts[t] += n
                for k, n in codes.items():
                    all_codes[k] = all_codes.get(k, 0) + n
            self.counts, self.code_counts = all_counts, all_codes
            self.show_log = show_log
            run_all(_renumber_part, [(self.part_name(outdir, c, t), offsets[c], self.wi)
                                     for c in range(nchunks)
                                     for t in ('initiatives', 'honours')])
        finally:
            if pool is not None:
                pool.close()
                pool.join()
        for t in TABLES:
            if t == 'units':
                continue
            with open(os.path.join(outdir, t + '.csv'), 'wb') as out:
                out.write((','.join(HEADERS[t]) + '\n').encode('ascii'))
                for c in range(nchunks):
                    part = self.part_name(outdir, c, t)
                    with open(part, 'rb') as f:
                        shutil.copyfileobj(f, out, 1 << 20)
                    os.remove(part)

    @staticmethod
    def part_name(outdir, c, t):
        return os.path.join(outdir, '.part-%05d-%s.csv' % (c, t))

    def plan_groups(self):
        """Groups (a unit with its small offices, whose people are written
        together), each unit's first person index, and the showcase people."""
        N = self.N
        nshow = len(PERSON_SHOWCASES)
        step = max(1, N // (2 * nshow)) if N else 1
        show_at = {}
        for k in range(nshow):
            if k * step < N:
                show_at[k * step] = PERSON_SHOWCASES[k]
        self.show_at = show_at
        groups = []
        done = {}
        for u in self.units:
            if u.idx in done:
                continue
            group = [u] + [c for c in u.children if c.small]
            if u.small and u.parent is not None and u.parent.idx not in done:
                group = [u]
            for g in group:
                done[g.idx] = True
            groups.append(group)
        self.groups = groups
        pidx = 0
        for group in groups:
            for u in group:
                u.first = pidx
                pidx += u.npeople

    def plan_chunks(self):
        """Chunks of whole groups, about CHUNK people each."""
        groups = self.groups
        chunks = []
        start, pidx, nom, npeople = 0, 0, 0, 0
        p0, n0 = 0, 0
        for gi, group in enumerate(groups):
            npeople += sum(u.npeople for u in group)
            pidx += sum(u.npeople for u in group)
            nom += sum(u.npeople for u in group) + len(group)
            if npeople >= self.CHUNK or gi == len(groups) - 1:
                chunks.append((start, gi + 1, p0, n0))
                start, npeople, p0, n0 = gi + 1, 0, pidx, nom
        self.chunks = chunks

    def run_chunk(self, outdir, c):
        start, end, pidx, nom = self.chunks[c]
        self.rng = random.Random('%d/%d' % (self.seed, c))
        self.rnd = self.rng.random
        self.pidx = pidx
        self.nom_no = nom
        self.init_no = 0
        self.local_ids = True
        self.counts = dict((t, 0) for t in TABLES)
        self.code_counts = {}
        self.show_log = []
        files, writers = {}, {}
        for t in TABLES:
            if t == 'units':
                continue
            f = open(self.part_name(outdir, c, t), 'w', encoding='utf-8',
                     newline='', buffering=1 << 20)
            files[t] = f
            writers[t] = csv.writer(f, lineterminator='\n')
        try:
            for group in self.groups[start:end]:
                self.write_group(group, writers)
        finally:
            for f in files.values():
                f.close()
        return self.counts, self.code_counts, self.init_no, self.show_log

    def write_units(self, w):
        rows = []
        for u in self.units:
            rows.append((u.id, u.name, u.parent.id if u.parent is not None else '',
                         u.kind, u.bloc or '', '1' if u.small else ''))
        w.writerows(rows)
        self.count('units', len(rows))

    def write_group(self, group, writers):
        rnd, Y = self.rnd, self.Y
        out = dict((t, []) for t in TABLES if t != 'units')   # rows of the group
        stats = {}
        for u in group:
            stats[u.idx] = [[0, 0, 0, False] for _ in range(10)]
        members = []
        for u in group:
            n = u.npeople
            lf = {'agency': 0.3, 'local_government': 0.22, 'public_service': 0.14,
                  'enterprise': 0.1, 'cooperative': 0.15, 'armed_forces': 0.18,
                  'social_org': 0.22, 'other': 0.2}.get(u.kind, 0.15)
            if u.small:
                lf = 0.22
            nlead = max(1, int(round(n * lf))) if n else 0
            msc = u.show.get('members') if u.show is not None else None
            for j in range(n):
                sc = self.show_at.get(self.pidx)
                p = self.new_person(u, j, nlead, sc)
                p.idx = self.pidx
                p.id = 'P%0*d' % (self.wp, self.pidx + 1)
                self.pidx += 1
                mode = None
                if sc is None and msc is not None:
                    mode = 'good'
                    if msc == 'one_warning' and j == n - 1:
                        mode = 'one_warning'
                    elif msc == 'one_incomplete' and j == n - 1:
                        mode = 'one_incomplete'
                self.person_record(p, mode)
                if mode == 'good' and j == 0 and msc != 'one_incomplete':
                    # a member excellent in Y, proposed for CSTĐCS
                    p.ratings[9] = X
                    p.force_nom = 'cstd_cs'
                members.append(p)
        # co-authors inside the group
        if len(members) >= 2:
            for p in members:
                for it in list(p.inits):
                    if len(it) == 6 and it[4] and rnd() < 0.08:
                        q = members[int(rnd() * len(members))]
                        if q is not p and q.hire_year <= it[1] and q.show is None:
                            q.inits.append([it[0], it[1], it[2], it[3], it[4], it[5], p])
        for p in members:
            st = self.person_honours(p)
            code, kind, campaign, prop, sub = self.person_nomination(p, st)
            facts = self.person_facts(p, code)
            self.write_person(p, code, kind, campaign, prop, sub, facts, out)
            u = p.unit
            t0 = stats[u.idx]
            t1 = None
            if u.small and u.parent is not None and u.parent.idx in stats:
                t1 = stats[u.parent.idx]
            ly, cy, wy = p.ldtt_years, p.cs_years, p.warn_years
            y = Y - 10
            for i, r in enumerate(p.ratings):
                y += 1
                if r is None:
                    continue
                s = t0[i]
                s[0] += 1
                if y in ly:
                    s[1] += 1
                if y in cy:
                    s[2] += 1
                if wy and y in wy:
                    s[3] = True
                if t1 is not None:
                    s = t1[i]
                    s[0] += 1
                    if y in ly:
                        s[1] += 1
                    if y in cy:
                        s[2] += 1
                    if wy and y in wy:
                        s[3] = True
        for u in group:
            box, st = self.unit_history(u, stats[u.idx])
            code, kind, campaign, prop, sub = self.unit_nomination(u, st)
            facts = self.unit_facts(u, code)
            self.write_unit_rows(u, box, code, kind, campaign, prop, sub, facts, out)
        for t, rows in out.items():
            writers[t].writerows(rows)
            self.counts[t] += len(rows)

    def nom_id(self):
        self.nom_no += 1
        return 'N%0*d' % (self.wn, self.nom_no)

    def write_person(self, p, code, kind, campaign, prop, sub, facts, out):
        Y = self.Y
        pid = p.id
        out['people'].append((
            pid, p.name, p.unit.id, '1' if p.leader else '0', p.cat,
            'female' if p.female else 'male', '1' if p.ethnic else '',
            p.birth, p.hired))
        rows = out['appraisals']
        uh = p.unit_hist
        y = Y - 10
        for r, m, ab in zip(p.ratings, p.months, p.absence):
            y += 1
            if r is None:
                continue
            rows.append(('person', pid, y, RATING[r],
                         uh[1] if uh is not None and y < uh[0] else '',
                         m if m != 12 else '', ab or ''))
        rows = [('person', pid, c, y, k, dn, dd, ini) for c, y, k, dn, dd, ini in p.hon]
        out['honours'].extend(rows)
        rows = [(it[0], pid, it[1], it[2], it[3], it[4], it[5]) for it in p.inits]
        out['initiatives'].extend(rows)
        if p.discs:
            rows = [('person', pid, d[0], d[1], d[2], d[3]) for d in p.discs]
            out['disciplines'].extend(rows)
        rows = [('person', pid, Y, k, v, s) for k, v, s in facts]
        nid = self.nom_id()
        self.nomination_facts(nid, kind, campaign, rows, p.show is not None)
        out['facts'].extend(rows)
        out['nominations'].append((nid, 'person', pid, code, Y,
                                         kind if kind != 'merit' or self.rnd() < 0.5 else '',
                                         campaign[0] if campaign else '', prop, sub))
        self.code_counts[('person', code, kind)] = \
            self.code_counts.get(('person', code, kind), 0) + 1
        if p.show is not None:
            self.show_log.append((nid, pid, code, p.show['name']))

    def nomination_facts(self, nid, kind, campaign, rows, forced=False):
        if kind == 'thematic' and campaign:
            text, by, years = campaign
            if self.rnd() < 0.9 or forced:
                rows.append(('nomination', nid, '', 'movement_years', years, ''))
            rows.append(('nomination', nid, '', 'movement_launched_by', by, ''))

    def write_unit_rows(self, u, box, code, kind, campaign, prop, sub, facts, out):
        Y = self.Y
        uid = u.id
        rows = []
        if u.ratings is not None:
            for i in range(10):
                r = u.ratings[i]
                if r is not None:
                    rows.append(('unit', uid, Y - 9 + i, RATING[r], '', '', ''))
        out['appraisals'].extend(rows)
        rows = [('unit', uid, c, y, k, dn, dd, '') for c, y, k, dn, dd, ini in box.hon]
        out['honours'].extend(rows)
        if u.kind != 'household' and self.rnd() < 0.005:
            y = Y - int(self.rnd() * 3)
            out['disciplines'].append(('unit', uid, '%04d-06-30' % y, 'reprimand',
                                             '%04d-12-30' % y,
                                             'Để xảy ra vi phạm trong quản lý tài chính'))
        rows = [('unit', uid, Y, k, v, s) for k, v, s in facts]
        nid = self.nom_id()
        self.nomination_facts(nid, kind, campaign, rows)
        out['facts'].extend(rows)
        out['nominations'].append((nid, 'unit', uid, code, Y,
                                         kind if kind != 'merit' or self.rnd() < 0.5 else '',
                                         campaign[0] if campaign else '', prop, sub))
        self.code_counts[('unit', code, kind)] = \
            self.code_counts.get(('unit', code, kind), 0) + 1
        if u.show is not None:
            self.show_log.append((nid, uid, code, u.show['name']))


_GEN = None


def _run_chunk(args):
    outdir, c = args
    return _GEN.run_chunk(outdir, c)


_LOCAL_ID = re.compile(b'\x01([0-9]+)\x02')


def _renumber_part(args):
    """Give the initiatives of one part file their final ids."""
    path, off, width = args
    with open(path, 'rb') as f:
        data = f.read()
    data = _LOCAL_ID.sub(
        lambda m: b'SK%0*d' % (width, off + int(m.group(1))), data)
    with open(path, 'wb') as f:
        f.write(data)


def main(argv=None):
    ap = argparse.ArgumentParser(
        description='Write a deterministic, fictional example province for tdkt '
                    '(CSV files in the format of spec/data-format.md).')
    ap.add_argument('--people', type=int, required=True, metavar='N',
                    help='number of people (units: N/40, at least 40)')
    ap.add_argument('--out', required=True, metavar='DIR',
                    help='folder to write the eight CSV files into')
    ap.add_argument('--seed', type=int, default=1, help='random seed (default 1)')
    ap.add_argument('--year', type=int, default=2024, metavar='Y',
                    help='nomination year; history covers Y-9..Y (default 2024)')
    ap.add_argument('--jobs', type=int, default=None, metavar='J',
                    help='processes to use (default: the CPUs available); '
                         'the output does not depend on it')
    ap.add_argument('--summary', action='store_true',
                    help='print row counts and nominations per code on stderr')
    a = ap.parse_args(argv)
    if a.people < 0:
        ap.error('--people must be 0 or more')
    if not 1990 <= a.year <= 2100:
        ap.error('--year must be between 1990 and 2100')
    g = Generator(a.people, a.year, a.seed)
    jobs = a.jobs
    if jobs is None:
        try:
            jobs = len(os.sched_getaffinity(0))
        except AttributeError:
            jobs = os.cpu_count() or 1
    g.run(a.out, jobs)
    if a.summary:
        for t in TABLES:
            sys.stderr.write('%-12s %d\n' % (t, g.counts[t]))
        for key in sorted(g.code_counts):
            sys.stderr.write('%-6s %-14s %-10s %d\n' % (key + (g.code_counts[key],)))
        for row in g.show_log:
            sys.stderr.write('showcase %s %s %-14s %s\n' % row)
    return 0


if __name__ == '__main__':
    sys.exit(main())
