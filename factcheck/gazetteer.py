"""A small curated gazetteer for rule-based entity and attribution handling (no NLP models).

Countries and their demonyms, a few hundred well-known places and organisations, news outlets (Python
tables here), and the word lists of names and titles (organisation and event head words, title and role words,
capitalised words that are never a name: data in ``lang/en/gazetteer.toml``). Keys are lower-case canonical
names usable across articles ("united states", "kremlin").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from factcheck.lang import resource

# the word lists of names, titles and the words around them (``lang/en/gazetteer.toml``)
_G = resource("en", "gazetteer")

# country -> demonyms (adjectives) used in titles ("Russian President", "Chinese Foreign Minister")
_COUNTRIES: dict[str, tuple[str, ...]] = {
    "Afghanistan": ("Afghan",),
    "Albania": ("Albanian",),
    "Algeria": ("Algerian",),
    "Angola": ("Angolan",),
    "Argentina": ("Argentine", "Argentinian"),
    "Armenia": ("Armenian",),
    "Australia": ("Australian",),
    "Austria": ("Austrian",),
    "Azerbaijan": ("Azerbaijani", "Azeri"),
    "Bahrain": ("Bahraini",),
    "Bangladesh": ("Bangladeshi",),
    "Belarus": ("Belarusian",),
    "Belgium": ("Belgian",),
    "Bolivia": ("Bolivian",),
    "Bosnia": ("Bosnian",),
    "Brazil": ("Brazilian",),
    "Bulgaria": ("Bulgarian",),
    "Cambodia": ("Cambodian",),
    "Cameroon": ("Cameroonian",),
    "Canada": ("Canadian",),
    "Chile": ("Chilean",),
    "China": ("Chinese",),
    "Colombia": ("Colombian",),
    "Congo": ("Congolese",),
    "Croatia": ("Croatian",),
    "Cuba": ("Cuban",),
    "Cyprus": ("Cypriot",),
    "Czech Republic": ("Czech",),
    "Denmark": ("Danish",),
    "Ecuador": ("Ecuadorian",),
    "Egypt": ("Egyptian",),
    "Estonia": ("Estonian",),
    "Ethiopia": ("Ethiopian",),
    "Finland": ("Finnish",),
    "France": ("French",),
    "Georgia": ("Georgian",),
    "Germany": ("German",),
    "Ghana": ("Ghanaian",),
    "Greece": ("Greek",),
    "Hungary": ("Hungarian",),
    "Iceland": ("Icelandic",),
    "India": ("Indian",),
    "Indonesia": ("Indonesian",),
    "Iran": ("Iranian",),
    "Iraq": ("Iraqi",),
    "Ireland": ("Irish",),
    "Israel": ("Israeli",),
    "Italy": ("Italian",),
    "Japan": ("Japanese",),
    "Jordan": ("Jordanian",),
    "Kazakhstan": ("Kazakh",),
    "Kenya": ("Kenyan",),
    "Kuwait": ("Kuwaiti",),
    "Kyrgyzstan": ("Kyrgyz",),
    "Latvia": ("Latvian",),
    "Lebanon": ("Lebanese",),
    "Libya": ("Libyan",),
    "Lithuania": ("Lithuanian",),
    "Malaysia": ("Malaysian",),
    "Mali": ("Malian",),
    "Mexico": ("Mexican",),
    "Moldova": ("Moldovan",),
    "Mongolia": ("Mongolian",),
    "Morocco": ("Moroccan",),
    "Myanmar": ("Burmese",),
    "Nepal": ("Nepalese", "Nepali"),
    "Netherlands": ("Dutch",),
    "New Zealand": ("New Zealander",),
    "Niger": ("Nigerien",),
    "Nigeria": ("Nigerian",),
    "North Korea": ("North Korean",),
    "Norway": ("Norwegian",),
    "Oman": ("Omani",),
    "Pakistan": ("Pakistani",),
    "Palestine": ("Palestinian",),
    "Panama": ("Panamanian",),
    "Peru": ("Peruvian",),
    "Philippines": ("Filipino", "Philippine"),
    "Poland": ("Polish",),
    "Portugal": ("Portuguese",),
    "Qatar": ("Qatari",),
    "Romania": ("Romanian",),
    "Russia": ("Russian",),
    "Rwanda": ("Rwandan",),
    "Saudi Arabia": ("Saudi", "Saudi Arabian"),
    "Senegal": ("Senegalese",),
    "Serbia": ("Serbian",),
    "Singapore": ("Singaporean",),
    "Slovakia": ("Slovak",),
    "Slovenia": ("Slovenian",),
    "Somalia": ("Somali",),
    "South Africa": ("South African",),
    "South Korea": ("South Korean",),
    "Spain": ("Spanish",),
    "Sri Lanka": ("Sri Lankan",),
    "Sudan": ("Sudanese",),
    "Sweden": ("Swedish",),
    "Switzerland": ("Swiss",),
    "Syria": ("Syrian",),
    "Taiwan": ("Taiwanese",),
    "Tajikistan": ("Tajik",),
    "Tanzania": ("Tanzanian",),
    "Thailand": ("Thai",),
    "Tunisia": ("Tunisian",),
    "Turkey": ("Turkish",),
    "Turkmenistan": ("Turkmen",),
    "Uganda": ("Ugandan",),
    "Ukraine": ("Ukrainian",),
    "United Arab Emirates": ("Emirati",),
    "United Kingdom": ("British",),
    "United States": ("American",),
    "Uruguay": ("Uruguayan",),
    "Uzbekistan": ("Uzbek",),
    "Venezuela": ("Venezuelan",),
    "Vietnam": ("Vietnamese",),
    "Yemen": ("Yemeni",),
    "Zambia": ("Zambian",),
    "Zimbabwe": ("Zimbabwean",),
}
# other spellings of countries
_COUNTRY_ALIASES = {
    "US": "United States",
    "U.S.": "United States",
    "U.S.A.": "United States",
    "USA": "United States",
    "America": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "England": "United Kingdom",
    "UAE": "United Arab Emirates",
    "Holland": "Netherlands",
    "Burma": "Myanmar",
    "Türkiye": "Turkey",
    "Russian Federation": "Russia",
    "DPRK": "North Korea",
    "Ivory Coast": "Ivory Coast",
    "Gaza": "Gaza",
    "West Bank": "West Bank",
    "Crimea": "Crimea",
    "Donbas": "Donbas",
    "Kosovo": "Kosovo",
    "Hong Kong": "Hong Kong",
    "Vatican": "Vatican",
}

# capitals and major cities/regions -> country (the country is used only as context)
_CITIES = """Moscow St. Petersburg Saint Petersburg Beijing Shanghai Harbin Hong Kong Shenzhen Guangzhou Wuhan
Washington New York Los Angeles Chicago Houston Boston San Francisco Miami Seattle Atlanta Dallas Denver Detroit
Philadelphia Phoenix Las Vegas London Manchester Liverpool Edinburgh Glasgow Paris Marseille Lyon Berlin Munich
Frankfurt Hamburg Rome Milan Naples Madrid Barcelona Lisbon Porto Brussels Amsterdam The Hague Vienna Geneva Zurich
Bern Warsaw Prague Budapest Bucharest Sofia Athens Stockholm Oslo Copenhagen Helsinki Dublin Reykjavik Kyiv Kiev
Kharkiv Odesa Odessa Lviv Mariupol Bakhmut Minsk Vilnius Riga Tallinn Tbilisi Yerevan Baku Ankara Istanbul
Tehran Baghdad Damascus Aleppo Beirut Amman Jerusalem Tel Aviv Cairo Riyadh Jeddah Doha Dubai Abu Dhabi Kuwait City
Muscat Sanaa Kabul Islamabad Karachi Lahore Peshawar Rawalpindi New Delhi Delhi Mumbai Kolkata Chennai Bangalore
Dhaka Colombo Kathmandu Tokyo Osaka Kyoto Hiroshima Seoul Pyongyang Taipei Manila Jakarta Bali Kuala Lumpur
Bangkok Hanoi Ho Chi Minh City Phnom Penh Yangon Naypyidaw Singapore Sydney Melbourne Canberra Brisbane Perth
Auckland Wellington Ottawa Toronto Montreal Vancouver Mexico City Havana Caracas Bogota Lima Santiago Buenos Aires
Brasilia Rio de Janeiro Sao Paulo Montevideo Quito La Paz Nairobi Addis Ababa Lagos Abuja Accra Dakar Johannesburg
Cape Town Pretoria Kinshasa Khartoum Tripoli Tunis Algiers Rabat Casablanca Kampala Kigali Harare Luanda
Astana Almaty Tashkent Samarkand Bishkek Dushanbe Ashgabat Ulaanbaatar Vladivostok Novosibirsk Yekaterinburg Kazan
Sochi Kursk Belgorod Donetsk Luhansk Zaporizhzhia Kherson Sevastopol Rafah Khan Younis Gaza City Ramallah Haifa
Europe Asia Africa Antarctica Middle East Latin America North America South America Central Asia Southeast Asia
Pacific Atlantic Arctic Indian Ocean Mediterranean Black Sea Baltic Red Sea Balkans Caucasus Siberia Far East
Kashmir Tibet Xinjiang Taiwan Strait South China Sea Heilongjiang Guangdong Sichuan Yunnan Fujian Texas California
Florida Ohio Michigan Pennsylvania Georgia Virginia Arizona Nevada Oregon Alaska Hawaii Kentucky Tennessee Iowa
Wisconsin Minnesota Missouri Louisiana Alabama Mississippi Carolina North Carolina South Carolina Colorado Utah
Oklahoma Kansas Nebraska Indiana Illinois Maryland Massachusetts Connecticut Vermont Maine Idaho Montana Wyoming
Arkansas Delaware New Hampshire New Jersey New Mexico North Dakota South Dakota Rhode Island West Virginia
Scotland Wales Northern Ireland Bavaria Catalonia Sicily Sardinia Corsica Normandy Brittany Quebec Ontario Alberta
Queensland Hollywood Manhattan Brooklyn Silicon Valley Wall Street Davos Uzbekistan""".split("\n")

_MULTI = {
    "St. Petersburg",
    "Saint Petersburg",
    "Hong Kong",
    "New York",
    "Los Angeles",
    "San Francisco",
    "Las Vegas",
    "The Hague",
    "Tel Aviv",
    "Abu Dhabi",
    "Kuwait City",
    "New Delhi",
    "Kuala Lumpur",
    "Ho Chi Minh City",
    "Phnom Penh",
    "Mexico City",
    "Buenos Aires",
    "Rio de Janeiro",
    "Sao Paulo",
    "La Paz",
    "Addis Ababa",
    "Cape Town",
    "Khan Younis",
    "Gaza City",
    "Middle East",
    "Latin America",
    "North America",
    "South America",
    "Central Asia",
    "Southeast Asia",
    "Indian Ocean",
    "Black Sea",
    "Red Sea",
    "Far East",
    "Taiwan Strait",
    "South China Sea",
    "North Carolina",
    "South Carolina",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "North Dakota",
    "South Dakota",
    "Rhode Island",
    "West Virginia",
    "Northern Ireland",
    "Silicon Valley",
    "Wall Street",
}


def _city_names() -> set[str]:
    text = " ".join(_CITIES)
    out = set(_MULTI)
    rest = text
    for m in sorted(_MULTI, key=len, reverse=True):
        rest = rest.replace(m, " ")
    out.update(rest.split())
    return out


# canonical place name for each spelling (countries, aliases, cities)
PLACES: dict[str, str] = {}
for _c in _COUNTRIES:
    PLACES[_c] = _c
for _a, _c in _COUNTRY_ALIASES.items():
    PLACES[_a] = _c
for _n in _city_names():
    PLACES.setdefault(_n, _n)
PLACES["Saint Petersburg"] = "St. Petersburg"
PLACES["Kiev"] = "Kyiv"
PLACES["Odessa"] = "Odesa"

# demonym / country modifier -> country
DEMONYMS: dict[str, str] = {}
for _c, _ds in _COUNTRIES.items():
    for _d in _ds:
        DEMONYMS[_d] = _c
DEMONYMS.update(
    {"US": "United States", "U.S.": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom"}
)
DEMONYMS.update({"Soviet": "Russia", "Kremlin": "Russia", "Korean": "South Korea", "European": "Europe"})
# a region's people, in two words ("Latin American leaders", "a Middle Eastern diplomat"): no one's name
DEMONYMS.update(
    {
        "Latin American": "Latin America",
        "North American": "North America",
        "South American": "South America",
        "Central American": "Central America",
        "Middle Eastern": "Middle East",
        "Southeast Asian": "Southeast Asia",
        "Central Asian": "Central Asia",
        "East Asian": "East Asia",
    }
)

# words that make a capitalised phrase an organisation when they end (or start) it
ORG_HEADS = frozenset(_G["org_heads"])
# (not the heads that open job titles: "Software Engineer", "Energy Secretary", "Chief Financial Officer")
# last words of an organisation's name that may also open a person's title ("Academy President Boone Isaacs")
ORG_TAIL_HEADS = frozenset(_G["org_tail_heads"])
ORGS: dict[str, str] = {
    "Kremlin": "Kremlin",
    "White House": "White House",
    "Pentagon": "Pentagon",
    "NATO": "NATO",
    "UN": "United Nations",
    "U.N.": "United Nations",
    "United Nations": "United Nations",
    "EU": "European Union",
    "European Union": "European Union",
    "IMF": "IMF",
    "WHO": "WHO",
    "OPEC": "OPEC",
    "BRICS": "BRICS",
    "G7": "G7",
    "G20": "G20",
    "ASEAN": "ASEAN",
    "Hamas": "Hamas",
    "Hezbollah": "Hezbollah",
    "Taliban": "Taliban",
    "FBI": "FBI",
    "CIA": "CIA",
    "Congress": "Congress",
    "Downing Street": "Downing Street",
    "Elysee": "Elysee",
    "Zhongnanhai": "Zhongnanhai",
    "World Bank": "World Bank",
    "Federal Reserve": "Federal Reserve",
    "Fed": "Federal Reserve",
    "Interpol": "Interpol",
    "Red Cross": "Red Cross",
}
# well-known companies, agencies and campaign groups named by one or two words that are not shaped like an
# organisation's name ("Microsoft said", "Greenpeace is calling for"): without them the name reads as a person
ORGS.update(
    {
        name: name
        for name in """Microsoft Apple Google Alphabet Amazon Facebook Meta Instagram WhatsApp Twitter YouTube
        TikTok ByteDance Netflix Tesla SpaceX Samsung Huawei Xiaomi Sony Nintendo Intel Nvidia IBM Oracle Cisco
        Uber Airbnb PayPal Visa Mastercard Boeing Airbus Toyota Volkswagen BMW Siemens Nestle Unilever Pfizer
        Moderna AstraZeneca BioNTech ExxonMobil Exxon Chevron Shell BP Gazprom Rosneft Aramco Walmart Disney
        OpenAI Anthropic Spotify Reddit LinkedIn Snapchat Telegram Wikipedia Wikimedia Mozilla GitHub Automattic
        NASA Nasa ESA NOAA CDC FDA EPA NHS Europol Frontex UNICEF UNESCO UNHCR OECD WTO IAEA OSCE WWF Greenpeace
        Oxfam""".split()
    }
)
ORGS.update(
    {"Amnesty International": "Amnesty International", "Doctors Without Borders": "Doctors Without Borders"}
)
# last words of sports clubs ("Manchester United", "Leeds Rovers")
CLUB_HEADS = frozenset(_G["club_heads"])
EVENT_HEADS = frozenset(_G["event_heads"])

# title words before a person's name
TITLE_WORDS = frozenset(_G["title_words"])
# a party's member before a person's full name, no part of it ("Democrat Hillary Clinton", "Republican Donald
# Trump", "Tory Boris Johnson")
PARTY_MEMBERS = frozenset(_G["party_members"])
# what a party member is one of before a name, besides a place: "House Republican Thomas Massie"
CHAMBERS = frozenset(_G["chambers"])
# lower-case role words that introduce a person name ("Kremlin spokesman Dmitry Peskov")
ROLE_WORDS = frozenset(_G["role_words"])
# role nouns used in definite descriptions ("the Russian leader") -> role class
ROLE_CLASSES: dict[str, str] = {
    "leader": "leader",
    "president": "leader",
    "head of state": "leader",
    "prime minister": "leader",
    "premier": "leader",
    "chancellor": "leader",
    "strongman": "leader",
    "diplomat": "diplomat",
    "foreign minister": "diplomat",
    "top diplomat": "diplomat",
    "secretary of state": "diplomat",
    "envoy": "diplomat",
    "ambassador": "diplomat",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokesperson": "spokesperson",
}
# title words that define the role class of a titled person
TITLE_ROLE: dict[str, str] = {
    "President": "leader",
    "Prime Minister": "leader",
    "Premier": "leader",
    "Chancellor": "leader",
    "King": "leader",
    "Queen": "leader",
    "Leader": "leader",
    "Foreign Minister": "diplomat",
    "Secretary of State": "diplomat",
    "Ambassador": "diplomat",
    "Envoy": "diplomat",
    "Spokesman": "spokesperson",
    "Spokeswoman": "spokesperson",
    "Spokesperson": "spokesperson",
}

# News outlets: name -> kind ("outlet" or "media" for state media)
OUTLETS: dict[str, str] = {
    "Reuters": "outlet",
    "AP": "outlet",
    "Associated Press": "outlet",
    "The Associated Press": "outlet",
    "AFP": "outlet",
    "Agence France-Presse": "outlet",
    "Bloomberg": "outlet",
    "CNN": "outlet",
    "BBC": "outlet",
    "Kyodo": "outlet",
    "Kyodo News": "outlet",
    "NHK": "outlet",
    "Al Jazeera": "outlet",
    "The New York Times": "outlet",
    "New York Times": "outlet",
    "The Washington Post": "outlet",
    "Washington Post": "outlet",
    "The Guardian": "outlet",
    "Guardian": "outlet",
    "Financial Times": "outlet",
    "The Wall Street Journal": "outlet",
    "Wall Street Journal": "outlet",
    "Politico": "outlet",
    "Axios": "outlet",
    "Fox News": "outlet",
    "NBC": "outlet",
    "NBC News": "outlet",
    "CBS": "outlet",
    "CBS News": "outlet",
    "ABC": "outlet",
    "ABC News": "outlet",
    "Sky News": "outlet",
    "DPA": "outlet",
    "dpa": "outlet",
    "EFE": "outlet",
    "ANSA": "outlet",
    "Yonhap": "outlet",
    "Interfax": "outlet",
    "Nikkei": "outlet",
    "Kommersant": "outlet",
    "Vedomosti": "outlet",
    "Le Monde": "outlet",
    "Der Spiegel": "outlet",
    "Spiegel": "outlet",
    "The Times": "outlet",
    "The Telegraph": "outlet",
    "The Independent": "outlet",
    "The Economist": "outlet",
    "Newsweek": "outlet",
    "Forbes": "outlet",
    "The Daily Telegraph": "outlet",
    "Evening Standard": "outlet",
    "The Evening Standard": "outlet",
    "HuffPost": "outlet",
    "Huffington Post": "outlet",
    "The Huffington Post": "outlet",
    "BuzzFeed News": "outlet",
    "Business Insider": "outlet",
    "Rolling Stone": "outlet",
    "Wired": "outlet",
    "The Verge": "outlet",
    "TechCrunch": "outlet",
    "Ars Technica": "outlet",
    "Engadget": "outlet",
    "CTV News": "outlet",
    "Time": "outlet",
    "Axel Springer": "outlet",
    "South China Morning Post": "outlet",
    "The Kyiv Independent": "outlet",
    "Kyiv Independent": "outlet",
    "Ukrainska Pravda": "outlet",
    "Lusa": "outlet",
    "Corriere della Sera": "outlet",
    "La Repubblica": "outlet",
    "Le Figaro": "outlet",
    "El País": "outlet",
    "El Pais": "outlet",
    "El Mundo": "outlet",
    "Die Zeit": "outlet",
    "Bild": "outlet",
    "Frankfurter Allgemeine Zeitung": "outlet",
    "Süddeutsche Zeitung": "outlet",
    "Handelsblatt": "outlet",
    "Deutsche Welle": "outlet",
    "France 24": "outlet",
    "Euronews": "outlet",
    "Asahi Shimbun": "outlet",
    "The Asahi Shimbun": "outlet",
    "Yomiuri Shimbun": "outlet",
    "Mainichi Shimbun": "outlet",
    "Haaretz": "outlet",
    "The Times of Israel": "outlet",
    "Al Arabiya": "outlet",
    "The Hindu": "outlet",
    "Times of India": "outlet",
    "The Times of India": "outlet",
    "Hindustan Times": "outlet",
    "Straits Times": "outlet",
    "The Straits Times": "outlet",
    "Globe and Mail": "outlet",
    "The Globe and Mail": "outlet",
    "Sydney Morning Herald": "outlet",
    "CBC": "outlet",
    "CNBC": "outlet",
    "MSNBC": "outlet",
    "NPR": "outlet",
    "PBS": "outlet",
    "USA Today": "outlet",
    "Los Angeles Times": "outlet",
    "Chicago Tribune": "outlet",
    "The Atlantic": "outlet",
    "Daily Mail": "outlet",
    "Sky Sports": "outlet",
    "ESPN": "outlet",
    "TMZ": "outlet",
    "People magazine": "outlet",
    "Anadolu": "media",
    "Anadolu Agency": "media",
    "PAP": "outlet",
    "Bernama": "media",
    "Antara": "media",
    "WAM": "media",
    "SPA": "media",
    "Press TV": "media",
    "Al-Masry Al-Youm": "outlet",
    "MENA": "media",
    "Prensa Latina": "media",
    "Granma": "media",
    "Yonhap News Agency": "outlet",
    "Jiji Press": "outlet",
    "Jiji": "outlet",
    "Xinhua": "media",
    "TASS": "media",
    "Tass": "media",
    "RIA Novosti": "media",
    "RIA": "media",
    "RT": "media",
    "Sputnik": "media",
    "CCTV": "media",
    "CGTN": "media",
    "Global Times": "media",
    "People's Daily": "media",
    "KCNA": "media",
    "IRNA": "media",
    "SANA": "media",
    "Rossiya 24": "media",
    "Channel One": "media",
}
OUTLET_HEADS = frozenset(_G["outlet_heads"])

# Capitalised words that start sentences or phrases but are never entities by themselves
CAP_STOP = frozenset(_G["cap_stop"])


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` factored as a trie ("said|says" -> "sa(?:id|ys)").

    Python's ``re`` tries alternatives one by one at every position; factoring shared prefixes
    makes a large word list nearly as cheap to scan for as a single word. No anchors are added.
    """
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        end = "" in node
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        if len(alts) == 1 and not end:
            return alts[0]
        body = "(?:" + "|".join(alts) + ")"
        return body + "?" if end else body

    return emit(trie)
