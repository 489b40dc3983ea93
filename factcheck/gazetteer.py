"""A small curated gazetteer for rule-based entity and attribution handling (no NLP models).

Plain Python constants: countries and their demonyms, a few hundred well-known places, organisation
and event head words, titles, and news outlets. Keys are lower-case canonical names usable across
articles ("united states", "kremlin").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

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
ORG_HEADS = frozenset(
    """Ministry Council Union Party Bank Agency Committee Commission Parliament Congress Senate Assembly Court
    Army Navy Forces Police Organization Organisation Association Institute University College Company Corporation
    Corp Inc Ltd Group Federation Alliance Fund Office Department Service Services Bureau Authority Administration
    Government Cabinet Duma Kremlin Pentagon Secretariat Foundation Society Network Airlines Airways Times Post News
    Journal Herald Tribune Gazette Daily Press Television TV Radio Broadcasting Guard Corps Command Board Club Church
    League Movement Front Coalition Centre Center Centres Centers Chamber Exchange Reserve Industries Holdings Technologies Motors
    Entrepreneurs Industrialists Nations Survey Observatory Laboratory Agency Pharma Pharmaceuticals
    Therapeutics Biotech Labs Systems Solutions Capital Ventures AG SA SE plc PLC NV GmbH LLC Co Cos
    Foods Studios Records Telecom Mining Chemicals Brands Stores Investments Logistics Petroleum Railways""".split()
)
# (not the heads that open job titles: "Software Engineer", "Energy Secretary", "Chief Financial Officer")
# last words of an organisation's name that may also open a person's title ("Academy President Boone Isaacs")
ORG_TAIL_HEADS = frozenset(
    """Watch Consortium Trust Partners Partnership Hospital Clinic School Academy Museum Brigade Regiment
    Division Squadron Fleet Programme Program Project Mission Unit Institution Conservancy Collective
    Cooperative""".split()
)
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
CLUB_HEADS = frozenset("United FC Rovers Athletic Wanderers Hotspur Albion Rangers Celtic".split())
EVENT_HEADS = frozenset(
    """Forum Summit Games Olympics Olympic Conference Festival Cup Championship Championships War Election Elections
    Expo Marathon Awards Award Congress Dialogue Talks Revolution Crisis Initiative Week Show Oscars Grammys
    Open Prix Derby Series Tournament Convention Meeting Treaty Accord Accords Agreement Pact Protocol""".split()
)

# title words before a person's name
TITLE_WORDS = frozenset(
    """President Vice Prime Minister Foreign Defence Defense Interior Finance Economy Trade Secretary State
    Chancellor King Queen Prince Princess Crown Emperor Pope Cardinal Bishop Archbishop Sheikh Emir General Gen.
    Lt. Col. Colonel Major Maj. Capt. Captain Admiral Adm. Commander Chairman Chairwoman Chair Chief Justice Judge
    Senator Sen. Rep. Representative Congressman Congresswoman Governor Gov. Mayor Premier Ambassador Envoy Director
    Deputy Spokesman Spokeswoman Spokesperson Speaker Leader Head CEO CTO CFO COO CIO Founder Mr. Mrs. Ms. Dr. Prof. Mr Mrs Ms Dr
    Prof Sir Dame Lord Lady Attorney Commissioner Inspector Superintendent Sergeant Sgt. Officer Detective Coach
    Sheriff Coroner MP MEP MSP
    Executive Officer Treasurer Counsel Special Advocate Adviser Advisor Security National Homeland Health
    Education Energy Agriculture Culture Justice Labour Labor Transport Communications""".split()
)
# a party's member before a person's full name, no part of it ("Democrat Hillary Clinton", "Republican Donald
# Trump", "Tory Boris Johnson")
PARTY_MEMBERS = frozenset({"Democrat", "Republican", "Tory", "Conservative"})
# what a party member is one of before a name, besides a place: "House Republican Thomas Massie"
CHAMBERS = frozenset({"House", "Senate", "Assembly"})
# lower-case role words that introduce a person name ("Kremlin spokesman Dmitry Peskov")
ROLE_WORDS = frozenset(
    """spokesman spokeswoman spokesperson president minister secretary chancellor leader counterpart envoy
    ambassador adviser advisor aide official chief director chairman chairwoman governor mayor senator
    premier general commander prosecutor judge lawyer attorney analyst expert economist professor researcher
    ceo founder executive head deputy diplomat correspondent reporter journalist editor actor actress singer
    player coach striker captain manager star rapper musician author writer host presenter sheriff coroner""".split()
)
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
OUTLET_HEADS = frozenset(
    """Times Post News Journal Herald Tribune Gazette Daily Press Television TV Radio Broadcasting
    Telegraph Independent Observer Chronicle Express Mirror Standard Star Globe Review Today Insider""".split()
)

# Capitalised words that start sentences or phrases but are never entities by themselves
CAP_STOP = frozenset(
    """The A An In On At After Before Since Despite Regarding However Though Although While This That These Those
    It Its He She They We I You His Her Their Our My Your But And Or Nor So Yet As If When Where Why How What Who
    Which Whose Whoever Whomever Whatever Whichever Given There Here Then Now Today Tonight Yesterday Tomorrow Notably Meanwhile Also Speaking According Still
    Some Many Most All Both Each Every Any No Not Only Even Just Further Furthermore Moreover Indeed Instead Thus
    Hence Therefore Once Until Unless Because During Following Amid Among Within Without Under Over Against About
    From For With By Of To Into Onto Upon Via Per Like Near Off Out Up Down Through Throughout Toward Towards
    Besides Beyond Except Apart Ahead Earlier Later Early Late Mid Last Next First Second Third Previously Recently Currently
    Separately Similarly Likewise Overall Finally Additionally Afterwards Afterward Eventually Ultimately Analysts Officials Sources Experts Critics Residents
    Police Authorities Witnesses Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Mr Mrs Ms Dr Prof Sir Read More Advertisement Photo Image Video Watch Listen Click Subscribe Share Comments
    Yes Oh Well Please Let Do Does Did Is Are Was Were Has Have Had Will Would Can Could Should May Might Must
    Another Other Such Several Few Much More Less Asked Reached Contacted According""".split()
)


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
