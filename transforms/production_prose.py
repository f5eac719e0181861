"""Figures in `Label: value` lines and running prose (CleanSpark bullets, MARA/Bit Digital monthly prose,
quarterly shareholder letters).

A number counts only when its unit and the nearest metric word around it agree ("produced 750 bitcoin",
"energized hashrate of 53.2 EH/s", "sale of 544 bitcoins ... average of approximately $17,300 per BTC"), and
only for the document's own period: comparisons ("from 516 BTC"), other months, year-to-date and annual
figures, and forward-looking targets are left alone.
"""
from __future__ import annotations

import dataclasses
import re
from datetime import timedelta

from transforms.amounts import IN_THOUSANDS_RE
from transforms.production_fields import LabelMatch, check_quantity, match_label, normalize_label, read_value
from transforms.production_periods import MONTHS, Mention, Period, find_mentions, fiscal_quarter
from transforms.production_tables import TIER_LINE, TIER_PROSE, TIER_TABLE, Finding, dollar_row_of_a_count
from transforms.textnum import Locale, Quantity, detect_locale, find_quantities, narrow_locale

_LABEL_LINE = re.compile(r"^[\s•●·▪◦*|-]*(?P<label>[A-Za-z][^:|]{1,100}?)\s*(?::|\|)\s*(?P<value>.*?)\s*$")
_ABBREV = re.compile(r"(?:\b(?:Inc|Corp|Ltd|Co|No|Nos|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Ms|Mrs|Dr|"
                     r"St|approx|Avg|avg|vs|Colo|Fla|Tex|Nev|U\.S|e\.g|i\.e|est|Est)|\b[A-Z])\.$")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z“\"‘($\d])")
_SEGMENT_BREAK = re.compile(r";|,\s|\s(?:but|while|whereas|as compared|compared|versus|vs\.?|and)\s|(?<!\d)\s[–—]\s|\s[–—]\s(?!\d)"
                            # "5.0 BTC per day (compared to 164 BTC in February)": the bracketed comparison
                            r"|\s\((?=\s*(?:as\s+)?(?:compared|versus|vs\.?|up|down|from)\b)"
                            # "decreased 11.0% to 1,103 BTCs from 1,239 BTCs in the same period of 2023": the
                            # comparison figure and its period are a clause of their own
                            r"|(?:(?<=BTC|btc)|(?<=bitcoin|Bitcoin))s?\s+from\s+(?=\d)")

_SURPASSES = re.compile(r"\b(?:surpass(?:es|ed|ing)?|exceed(?:s|ed|ing)?|tops|topped|crosses|crossed|passes|passed)\s+"
                        r"(?:the\s+)?(?:milestone\s+of\s+)?$", re.I)
_CURRENTLY = re.compile(r"\b(?:currently|presently|today|as\s+of\s+(?:today|now|the\s+date\s+of\s+this)|"
                        r"current(?=\s+(?:(?:installed|operating|deployed|total|corporate)\s+)?(?:hash\s?rate|bitcoin|btc|balance|fleet)))\b"
                        r"(?!\s+(?:announced|reported|released|published|provided))", re.I)
# "... all will be energized by September 1, 2023": capacity still to come
_TO_BE_ENERGIZED = re.compile(r"\b(?:will|to)\s+be\s+(?:fully\s+)?(?:energized|energised|deployed|installed|online|"
                              r"operational|hashing)\b", re.I)
_RECORD_WORD = re.compile(r"record", re.I)
_AFTER_THE_PERIOD = re.compile(r"[\s•●▪◦*-]*(?:post|subsequent(?:ly)?\s+to|after)\s+(?:the\s+)?(?:end\s+of\s+the\s+)?"
                               r"(?:quarter|period|month|year)(?:[- ]end)?\b", re.I)
_OWN_PERIOD_WORDS = re.compile(r"\b(?:for|in|during)\s+the\s+(?:quarter|month|period)\b|\bthis\s+(?:quarter|month)\b", re.I)
# "energy cost per kilowatt-hour from $0.040 in Q1 2024 to $0.032 in Q2 2024": the level reached
_COST_PER_ENERGY_FROM_TO = re.compile(r"\bcosts?\s+per\s+(?P<u>MWh|kWh|kilowatt[- ]hour|megawatt[- ]hour)\s+from\s+[^;]{0,60}?\bto\s+$", re.I)
# ("BTC inventory increased by 13% since March 31, 2020 to 929 BTC", Riot 2020)
_FROM_THEN_TO = re.compile(r"\b(?:from|since)\b[^;]{0,60}?\bto\s+(?:approximately\s+|about\s+)?$", re.I)
# "to 821 BTC from December 31, 2019 to March 31, 2020": the range's start is not the balance's date
_RANGE_START = re.compile(r"\s+(?:to|through)\s+$", re.I)
_COST_PER_ENERGY_HINT = re.compile(r"\bcosts?\s+per\s+(?:[MmKk]Wh|kilowatt[- ]hour|megawatt[- ]hour)\b", re.I)
_COST_PER_ENERGY_BEFORE = re.compile(r"\b(?:power|energy|electricity)\s+costs?\s+per\s+(?P<u>MWh|kWh)\s+(?:of|was|were)\s+"
                                     r"(?:approximately\s+|about\s+)?$", re.I)
_AS_OF_BEFORE = re.compile(r"\bas\s+(?:of|at)\s+(?:the\s+end\s+of\s+)?$", re.I)
_IMPROVES_FROM = re.compile(r"\b(?:improves|improving|will\s+improve|to\s+improve)\b[^.;]{0,60}?\bfrom\s+[\d.,]+\s*(?:J/TH|W/TH)?\s+to\s+$", re.I)
_BOUND_BEFORE = re.compile(r"\b(?:below|under|less\s+than|lower\s+than|as\s+low\s+as|above|more\s+than|over|up\s+to)\s+$", re.I)
_PARTICIPLE_START = re.compile(r"[\s,;]*(?:producing|generating|mining|yielding|resulting\s+in|bringing|representing)\b", re.I)
_FORWARD = re.compile(r"\b(?:expect\w*|anticipat\w*|target\w*|plan(?:s|ned)?|goal|guidance|forecast\w*|"
                      r"project(?:s|ed|ion)|aim\w*|will|would|could|intend\w*|by (?:the )?end of|by year[- ]end|"
                      r"upon completion|once|potential|up to|estimated to|to be (?:installed|deployed|energized|"
                      r"delivered|added)|(?:over|in) the (?:coming|next|following) (?:days|weeks|months|quarters?))\b",
                      re.I)
_COMPARISON_BEFORE = re.compile(
    r"(?:\bfrom|\bversus|\bvs\.?|\bcompared (?:to|with)|\bthan|\bover|\bprior|\bprevious(?:ly)?|\blast (?:month|year|quarter)"
    r"|\byear[- ]ago|\bup|\bdown|\bincrease (?:of|by)|\bdecrease (?:of|by)|\bincreased by|\bdecreased by|\bgrowth of"
    r"|\bchange of|\bdecline of|\brise of|\bgain of|\bdrop of)\s+(?:approximately |about |roughly |an? |(?:just )?(?:under|over) |nearly |almost )?"
    # a name between ("compared to Riot's 460"), capitalised: under re.I a bare [A-Z] would take "to" too
    r"(?:(?-i:[A-Z])[a-z]+(?:'s|’s)?\s+)?$", re.I)

_KEYWORDS = [
    ("exclude", r"\b(?:(?:customers?|clients?)(?: have| had)? (?:earned|mined|produced)|purchased|purchases?|bought|buy(?:ing)?|acquired|acquir(?:e|ing)|acquisition|received|"
                r"deposit\w*|transferr\w*|distribut\w*|lent|lend\w*|won|blocks?|customers?|hosted|hosting|network"
                # BitFuFu's "BTC production by customers from cloud-mining solutions" is its customers' bitcoin
                r"|cloud[- ]mining"
                # HIVE's "the same daily opportunity of 900 bitcoin": the network's daily issuance
                r"|opportunity)\b"),
    ("btc_held_restricted", r"\b(?:restricted|pledged|loaned|collateral|encumbered)\b"),
    ("btc_produced_per_day", r"\b(?:per day|daily|a day)\b"),
    ("btc_sold", r"\b(?:sold|sells?|selling|sale of|sales of|sales|liquidat\w*|converted|monetiz\w*|disposed of)\b"),
    # ("Book Value of Digital Currency: $23.6 million, or 627 bitcoins": a balance-sheet line's coins)
    ("btc_held", r"\b(?:held|holds|holding|holdings|hodl|treasury|reserves?|balance of|owned|owns|inventory|"
                 r"(?:book|carrying|fair(?:\s+market)?)\s+value\s+of\s+(?:(?:our|its|the)\s+)?(?:digital\s+(?:currenc(?:y|ies)|assets?)|bitcoins?))\b"),
    ("btc_produced", r"\b(?:produced|produces?|producing|production of|production|mined|mines?|mining|generated|"
                     r"earned|earns?|self[- ]mined|output of)\b"),
]
_KEYWORD_RES = [(name, re.compile(rx, re.I)) for name, rx in _KEYWORDS]
_AFTER_BTC = [
    # "6.53 BTC produced per day" (HIVE's bullets) as well as "15.4 BTC per day"
    ("btc_produced_per_day", re.compile(r"^\s*\)?\s*(?:(?:produced|mined|earned|generated)\s+)?"
                                         r"(?:per day|a day|/day|daily|on average per day|per calendar day)\b", re.I)),
    ("btc_held_restricted", re.compile(r"^\s*(?:that |which )?(?:were |was |are |is |have been |had been )?"
                                        r"(?:restricted|pledged|loaned|held as collateral|posted as collateral|"
                                        r"as collateral|in restricted)", re.I)),
    # "275 bitcoin were produced for colocation": customers' bitcoin
    ("exclude", re.compile(r"^\s*(?:bitcoins?|btc)?\s*(?:were|was)\s+(?:produced|mined|earned)\s+(?:for|by)\s+(?:its\s+|our\s+)?"
                           r"(?:colocation|hosting|hosted|customers?|clients?)\b", re.I)),
    # "6,769 self-mined Bitcoin in reserve": a balance, whatever mined it
    ("btc_held", re.compile(r"^\s*(?:self[- ]mined\s+)?(?:bitcoins?|btc)?\s*(?:held\s+)?(?:in\s+(?:reserve|custody)|"
                            r"on\s+(?:the\s+|its\s+|our\s+)?balance\s+sheet)\b", re.I)),
    # "A total of 286 Bitcoin (BTC) and 5,031 Ethereum (ETH) were generated in March 2022"
    ("btc_produced", re.compile(r"^\s*(?:\(BTC\)\s*)?(?:and\s+[\d,.]+\s+(?:ethereum|ether|ETH)(?:\s*\(ETH\))?\s+)?"
                                r"(?:were |was )?(?:mined|produced|earned|generated|self-mined)\b", re.I)),
    ("btc_sold", re.compile(r"^\s*(?:were |was )?(?:sold|converted)\b", re.I)),
    # a 10-Q's "we received 68.2 bitcoins from the Foundry mining pool": the pool pays out what the fleet mined
    ("btc_produced", re.compile(r"^\s*(?:were |was )?(?:received\s+)?from\s+(?:the\s+|our\s+|its\s+)?(?:[A-Z][\w.-]*\s+)?"
                                r"mining\s+pools?\b", re.I)),
    ("btc_held", re.compile(r"^\s*(?:were |was |are )?(?:held|in (?:treasury|holdings|reserve)|on (?:the |its |our )?"
                            r"balance sheet)\b", re.I)),
    ("exclude", re.compile(r"^\s*(?:were |was )?(?:purchased|bought|acquired|received)\b", re.I)),
]
# "Increased the number of total miners deployed to 19,395 miners, which could generate approximately 2.09 EH/s as of
# June 30, 2021": the rated hash rate of machines deployed on a day, no forecast
_DEPLOYED_FLEET_COULD = re.compile(r"(?<=\bminers)(?:\s+(?:deployed|installed|energized))?,?\s+(?:which|that)\s+could\s+"
                                   r"(?:generate|produce|deliver)\s+(?:approximately\s+|about\s+|roughly\s+)?$",
                                   re.I)
# "Book Value of Digital Currency: $23.6 million, or 627 bitcoins": the coins restate the figure before them
_OR_APPOSITION = re.compile(r"\s*or\s+(?:approximately\s+|about\s+|roughly\s+)?", re.I)
_AT_FIGURE_RESERVE = re.compile(r"\s*at\s+(?:approximately\s+|about\s+)?$", re.I)
_RESERVE_AFTER = re.compile(r",[^.;]{0,90}?\b(?:reserves?|holdings|treasury)\b", re.I)
_BARE_VERB = re.compile(r"\s*(?:was|were|is|are|stood at|totaled|totalled|amounted to|came to|reached)\s+"
                        r"(?:approximately |about |roughly |over |nearly )?", re.I)
# "Earned 906 self-mined bitcoin": the unit comes after the adjective
# ("195.7 mined bitcoin on 0.8 EH/s" too)
# ("Produced 281 newly minted bitcoins (BTC)", Riot 2020)
_SELF_MINED_AFTER = re.compile(r"\s*(?:(?:self|newly)[- ])?(?:mined|minted)\s+(?:bitcoins?|btc)\b", re.I)
# "The number of bitcoins earned from bitcoin mining business was 739.51": a count the subject names, no unit after it
_NUMBER_OF_BITCOINS_BEFORE = re.compile(r"\bnumber\s+of\s+(?:bitcoins?|btc)\b[^.;\d]{0,60}\b(?:was|were|is|totall?ed|amounted\s+to|of)\s+"
                                        r"(?:approximately\s+|about\s+)?$", re.I)
_DAILY = re.compile(r"\b(?:daily|per day|a day)\b", re.I)
_SALE = re.compile(r"\b(?:sold|sale|sales|selling|sell|realized|realised|converted|liquidat\w*)\b", re.I)
_NOT_SALE_PRICE = re.compile(r"\b(?:cost|costs|revenue|to mine|mining cost|hashcost|break-?even|purchas\w*|bought|"
                             r"acquired|buy|market price|closing price|spot)\b", re.I)
_PROCEEDS_BEFORE = re.compile(r"(?:\bproceeds(?: of| were| was| totaled| totalled| totaling| amounted to| equal(?:ed)? to)?"
                              r"|\bfor|\bgenerating|\bnetting|\braising|\btotaling|\btotalling|\bworth)\s+"
                              r"(?:approximately |about |roughly |net |total |gross )*$", re.I)
_CREDITS_BEFORE = re.compile(r"\btotal (?:power |energy |electricity )?(?:curtailment and demand response |"
                             r"demand response and (?:power )?curtailment )?credits(?: of| were| was| totaled| totaling| "
                             r"amounted to)?\s+(?:approximately |about )?$", re.I)
_CREDITS_AFTER = re.compile(r"^\s*(?:in|of) total (?:power |energy )?credits", re.I)
# without "total": the credits named "power credits" (demand-response credits are a different figure)
_PLAIN_CREDITS_BEFORE = re.compile(r"\b(?:power|energy) (?:curtailment )?credits(?: of| were| was| totaled| totalled|"
                                   r" totaling| amounted to| came to)?\s+(?:approximately |about )?$", re.I)
_PLAIN_CREDITS_AFTER = re.compile(r"^\s*(?:in|of) (?:(?:power|energy) (?:curtailment )?credits"
                                  # LM Funding: "approximately $152,000 in curtailment and energy sales"
                                  r"|curtailment and energy sales)\b", re.I)
_AVG_PRICE_BEFORE = re.compile(r"\baverage (?:(?:BTC|bitcoin) )?(?:net )?(?:sales? |selling |realized )?price(?: per (?:bitcoin|btc))?"
                               r"(?: of| was| were)?\s+(?:approximately |about )?$", re.I)
_DEPLOYED = re.compile(r"\b(?:deployed|energized|energised|installed|hashing capacity|total hashrate|"
                       # "1,500 ... miners ..., collectively rated at approximately 80 Ph/s" (MGT, 2020)
                       r"rated at|"
                       r"total hash rate|current hashrate|current hash rate|(?:mining |self-mining )?capacity|"
                       # "May end of month hash rate at approximately 1.50 Exahash": the level at the month's end
                       r"end[- ]of[- ](?:the[- ])?month hash ?rate|month[- ]end hash ?rate)\b", re.I)
_OPERATING = re.compile(r"\b(?:operating|operational|average|averaged|avg\.?|self[- ]mining|active|realized|"
                        # "a new company record in quarterly hashrate of 899 PH/s in Q2/24": the quarter's hash rate
                        r"realised|quarterly(?=\s+hash\s?rate))\b", re.I)
_PARTICIPLE_AFTER = re.compile(r"\s*(?:installed|deployed|energized|energised)\b(?=\s*(?:[,.;)]|$|and\b|at\b|as\b))", re.I)
_ONLINE_AFTER = re.compile(r"\s*(?:on\s+)?(?:(?:average\s+|averaged?\s+)?(?:online|operating|operational|hashing)\b"
                           r"(?=\s*(?:[,.;)]|$|and\b|in\b|during\b))"
                           # "Hashrate: 1.76 EH/s average for Q2 2025"
                           r"|average\b(?=\s+(?:for|in|during|over)\b|\s*[,.;)]|\s*$))", re.I)
_CAPACITY_AFTER = re.compile(
    r"^\s*(?:per second\s+|/second\s+)?(?:\(EH/s\)\s+)?(?:of\s+)?(?P<words>(?:[A-Za-z-]+\s+){0,5}?)"
    r"(?:(?:mining|hashing|hash rate|hashrate)?\s*(?P<cap>capacity)|(?:hash rate|hashrate))(?:\s+on\s+average)?", re.I)
# "bringing the Company's total mining capacity to 1.605 EH/s as of 30 November, 2021": reached by a date, a level
_FOR_SELF_MINING = re.compile(r"\s*(?:bitcoins?|btc)?\s*(?:were|was)\s+(?:produced|mined|earned)\s+(?:for|from|by)\s+"
                              r"(?:its\s+|our\s+|the\s+company['’]s\s+)?(?:own\s+)?(?:self[- ]mining|"
                              # "of which 54 bitcoin were produced by proprietary cryptocurrency mining"
                              r"proprietary\s+(?:cryptocurrency\s+|bitcoin\s+)?mining|(?:company|(?-i:[A-Z][a-z]+))-owned\s+miners)\b", re.I)
#: "produced approximately 167 bitcoin, of which 54 bitcoin were produced by proprietary ... mining": the share
#: is stated against the very total beside it, so it outranks a line that repeats the total with hosting
_OF_WHICH_BEFORE = re.compile(r"\bof\s+which\s+(?:approximately\s+|about\s+)?$", re.I)
_SELF_MINING_WORD = re.compile(r"\bself[- ]mining\b", re.I)
_EXITED_AT = re.compile(r"\bhash\s?rate\s+(?:finished|ended|exited|closed)\s+the\s+(?:month|quarter|period)\s+at\s+"
                        r"(?:approximately\s+|about\s+|roughly\s+)?$", re.I)
# "Sphere 3D ended the quarter with 1.3 EH/s"
_ENDED_THE_PERIOD_WITH_WORDS = r"\b(?:ended|exited|finished|closed)\s+the\s+(?:month|quarter|period|year)\s+with\s+"
_ENDED_WITH = re.compile(_ENDED_THE_PERIOD_WITH_WORDS + r"(?:approximately\s+|about\s+|roughly\s+)?$", re.I)
# ... and a balance named further on: "Riot finished the quarter with $290 million in cash on hand and 7,327 Bitcoin"
_ENDED_THE_PERIOD_WITH = re.compile(_ENDED_THE_PERIOD_WITH_WORDS + r"[^.;]{0,80}$", re.I)
_BTC_EQUIVALENT_OF = re.compile(r"\b(?:btc|bitcoin)\s+equivalent(?:\[\d+\]|\d)?\s+of\b", re.I)   # ("BTC equivalent2 of")
_AT_A_DATE_AFTER = re.compile(r"^\s*(?:as\s+of|as\s+at|at|on)\s+(?:\d{1,2}\s+[A-Z][a-z]+,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})")
_WAS_HASHING_AFTER = re.compile(r"\s*,?\s*(?:was|were|is|are)\s+(?:actively\s+)?(?:hashing|mining)\b", re.I)
_WAS_DEPLOYED_AFTER = re.compile(r"^\s*(?:(?:was|were|is|are|had\s+been|has\s+been)\s+)?(?:deployed|installed|energized|energised)\b", re.I)
_AS_OF_RELEASE = re.compile(r"^[^.;]{0,120}?\bas\s+of\s+(?:the\s+date\s+of\s+)?this\s+(?:press\s+)?release\b", re.I)
# "increasing self-mining capacity from 2.0 EH/s to 5.5 EH/s", "to expand ... to 10 EH/s": a target, not a level
_GROWING_TO = re.compile(r"\b(?:increasing|expanding|growing|raising|lifting|bringing|doubling|to (?:increase|expand|"
                         r"grow|raise|reach|bring|double))\b[^.;]{0,70}\bto\s+(?:approximately\s+|about\s+|over\s+)?$",
                         re.I)
# "a maximum total hash rate of 1.6 EH/s": the rated ceiling of a fleet (partly offline or in transit), not a level
_NOT_OPERATING = re.compile(r"\b(?:peak|network|global|nameplate|capacity of up to|maximum|max\.|theoretical)\b",
                            re.I)
# "109 MW power capacity able to support approximately 35,480 miners or 3.7 EH/s": what the site could hold
_ABLE_TO_SUPPORT = re.compile(r"\b(?:able\s+to|capable\s+of|can|could|sufficient\s+to)\s+(?:support|supporting|accommodate|"
                              r"accommodating|host|hosting|power|powering)\b", re.I)
# "achieving its efficiency target of 21 w/TH three months ahead of schedule": a target reached is a level
_ACHIEVED_TARGET = re.compile(r"\b(?:achiev|reach|hitt?|met\b|meet)\w*\s+(?:its|the|our)\s+(?:[\w-]+\s+)?target\b", re.I)
# "capable of producing over 16.4 exahash per second": "over" is "more than" after a verb or "of", no comparison
_OVER_MEANS_MORE = re.compile(r"\b(?:producing|produced|of|had|has|have|with|operat\w+|reach\w*|to|at|totall?ing)\s+over\s+$", re.I)
_SINCE_INCEPTION = re.compile(r"\b(?:since|from)\s+(?:the\s+|its\s+|our\s+)?inception\b|\b(?:the|its|our)\s+inception\s+of\b", re.I)
_MINED_WITH_HASHRATE = re.compile(r"\b(?:mined|produced|generated)\b[^.;]{0,140}?\bwith\s+(?:a\s+|an\s+)?hash\s?rate\s+of\s+"
                                  r"(?:approximately\s+|about\s+)?$", re.I)
_END_OF_BEFORE = re.compile(r"\bend\s+of\s+(?:the\s+month\s+of\s+)?$", re.I)
_AT_A_SCALE = re.compile(r"(?:^|[•●▪◦*-])\s*At\s+(?:approximately\s+)?\d[\d.,]*\s*EH/s\s*,", re.I)
_SPLIT_INTO_SELF_MINING = re.compile(r"\s*,?\s*(?:consisting\s+of|comprised\s+of|comprising|made\s+up\s+of)\s+(?:approximately\s+)?"
                                     r"\d[\d.,]*\s*EH/s\s+(?:of\s+)?self[- ]mining\b", re.I)
_PART_OF_TOTAL = re.compile(r",?\s*(?:consisting\s+of|comprised\s+of|comprising|made\s+up\s+of)\s+(?:approximately\s+)?$", re.I)
_SELF_MINING_AFTER = re.compile(r"\s*(?:of\s+)?self[- ]mining\b", re.I)
_UNDER_MANAGEMENT = re.compile(r"\bunder\s+management\b", re.I)
# "approximately 3.0 EH/s of combined capacity for both datacenter hosting and cryptocurrency mining"
_COMBINED_WITH_HOSTING = re.compile(r"[^.;]{0,40}?\b(?:combined|total)\b[^.;]{0,40}?\bhosting\b", re.I)
# "Mawson Self-Mining and Hosting Co-location operating at ... 3.10 Exahash": self-mining plus hosted machines
_WITH_HOSTING = re.compile(r"\bself[- ]mining\s+(?:and|&|plus)\s+hosting\b|\bhosting\s+(?:and|&|plus)\s+self[- ]mining\b", re.I)
# "operating 8.1 EH/s for our hosting customers", "a group of customers representing 8.1 EH/s": hosted machines
_FOR_CUSTOMERS = re.compile(r"\s*(?:of\s+hash\s*rate\s+)?(?:for|of)\s+(?:our\s+|its\s+|their\s+)?(?:hosting\s+|colocation\s+)?"
                            r"(?:customers|clients)\b", re.I)
_CUSTOMERS_BEFORE = re.compile(r"\b(?:customers|clients)\s+(?:representing|with|totall?ing)\s+(?:approximately\s+|about\s+)?$",
                               re.I)
# "increased our hash rate by 300 petahash": the change over the period, not a level
_CHANGE_BY = re.compile(r"\bby\s+(?:approximately\s+|about\s+|roughly\s+|over\s+|nearly\s+)?$"
                        # "Argo added an additional 310 PH/s to its total capacity": the increment, not the level
                        r"|\badd(?:ed|s|ing)\s+(?:an\s+)?(?:additional\s+|another\s+|a\s+further\s+)?(?:approximately\s+|about\s+)?$", re.I)
# "2.2 exahash of mining capacity at the beginning of July": the opening level, the month's figure comes later
_OPENING_LEVEL = re.compile(r"^[^.;]{0,60}?\bat\s+(?:the\s+)?(?:beginning|start|outset)\s+of\b", re.I)
_ZERO_SOLD = re.compile(r"\b(?:no (?:bitcoin|btc)s? (?:was |were )?sold|did not sell any (?:bitcoin|btc)|"
                        r"sold no (?:bitcoin|btc)|no (?:bitcoin|btc) sales|"
                        # "The Company held 210.3 BTC at month end and sold none"
                        r"(?:bitcoin|btc)s?\b[^.;]{0,60}\band sold none|did not sell any of (?:its|the) (?:bitcoin|btc))\b", re.I)
# "Includes 1,900 in restricted bitcoin" (Riot's footnote), "including 16,900 BTC that were loaned ... or pledged"
# (MARA), "of which 379 were posted as collateral"
_RESTRICTED_NUMBER = re.compile(
    r"\b(?:includes?|including|of which)\s+(?:approximately\s+|about\s+)?(?P<n>\d[\d,.]*)\s+(?:bitcoin\s+|btc\s+)?"
    r"(?:that\s+|which\s+)?(?:in\s+|of\s+|is\s+|are\s+|was\s+|were\s+|have\s+been\s+|had\s+been\s+)?"
    r"(?:restricted|pledged|loaned|encumbered|(?:posted|held|pledged)\s+as\s+collateral)", re.I)
# a 10-Q note's "As of June 30, 2024, 30 bitcoin with a fair value of $1.9 million were pledged"
# ("approximately 79 Bitcoin (with an approximate fair value of $5.0 million) and Bitcoin were held in a custody
# account as collateral": a bracketed value, and a second date's figure the filing lost)
_PLEDGED_NUMBER = re.compile(
    r"(?<![\d,.$])(?P<n>\d[\d,.]*)\s+(?:bitcoins?|btc)\s+(?:\(?with\s+an?\s+(?:approximate\s+)?(?:fair|carrying|market)\s+value\s+"
    r"of\s+(?:approximately\s+)?\$?[\d,.]+(?:\s+(?:thousand|million|billion))?\)?\s+)?"
    r"(?:and\s+(?:\d[\d,.]*\s+)?(?:bitcoins?|btc)\s+)?(?:were|was|are|is|have\s+been|had\s+been)\s+"
    r"(?:pledged|restricted|loaned|encumbered|(?:posted|held)\s+(?:in\s+an?\s+(?:[\w-]+\s+){0,2}account\s+)?as\s+collateral)\b", re.I)
# "Treasury holdings of BTC were 808.2", "holdings of bitcoin increased to 588.4": a bare figure (no unit after it)
# whose subject names the bitcoin holdings
_HELD_NUMBER_BEFORE = re.compile(
    r"\b(?:holdings?|balance|reserves?) of (?:btc|bitcoins?)\s+(?:were|was|totaled|totalled|stood at|amounted to|"
    r"(?:increased|decreased|grew|rose|fell|declined) to)\s+(?:approximately\s+|about\s+)?$"
    # "total bitcoin holdings now at 6,154"
    r"|\b(?:btc|bitcoins?)\s+(?:holdings?|balance|reserves?)\s+(?:(?:now|currently)\s+)?(?:at|of|were|was|is|are|"
    r"totaled|totalled|stands?\s+at|stood\s+at|reached)\s+(?:approximately\s+|about\s+)?$"
    # "Bitcoin holdings increased 64.7% in 2022 to 9,086 at year end": a change then the level it reached
    r"|\b(?:btc|bitcoins?) (?:holdings?|balance|reserves?)\s+(?:increased|decreased|grew|rose|fell|declined)"
    r"(?:\s+(?:by\s+)?[\d.,]+\s?%)?(?:\s+(?:in|during|for)\s+[A-Za-z\d ]{2,25}?)?\s+to\s+(?:approximately\s+|about\s+)?$"
    # "bringing the Company's total bitcoin held to 1,204"
    r"|\b(?:bringing|brings|brought|taking|takes|increasing|raising)\s+(?:the\s+company['’]s\s+|its\s+|our\s+|total\s+)*"
    r"(?:total\s+)?(?:btc|bitcoins?)\s+(?:held|holdings?|balance|reserves?|treasury)\s+to\s+(?:approximately\s+|about\s+)?$", re.I)
_PER_DAY_NUMBER = re.compile(r"\b(?:daily|per day)\b[^.;]{0,40}?\baverag(?:ed|ing|e of)\s+(?:approximately\s+)?$", re.I)



#: A cell that is a date or a period ("December 31, 2024", "Dec. 31, 2024", "June 2025", "Q4 2024"): a column head.
_DATE_CELL = re.compile(
    r"(?i)(?:as\s+of\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?(?:19|20)\d{2}"
    r"|q[1-4]\s*(?:19|20)\d{2}|(?:19|20)\d{2})\s*(?:\(\w+\))?")

def _since_last_figure(before: str) -> str:
    """The words after the last figure before a quantity: in "cash cost of production of $17,600 was well below our average
    BTC sales price of", the cost belongs to the $17,600, not to the price that follows."""
    return re.split(r"\d(?:[\d,.]*\d)?%?", before)[-1]

def split_sentences(line: str) -> list[tuple[int, str]]:
    """Sentences of one line with their offsets; abbreviations (`Colo.`, `Avg.`, `Sept.`) do not end one."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in _SENTENCE_END.finditer(line):
        piece = line[start:m.start()]
        if _ABBREV.search(piece.rstrip("\"”’)")):
            continue
        out.append((start, piece))
        start = m.end()
    out.append((start, line[start:]))
    return [(s, p) for s, p in out if p.strip()]


# Only lines with a digit and a metric word or unit are worth reading (speed: most of a release is prose
# about the company, forward-looking statements and contacts).
_HINT_WORDS = ("bitcoin", "btc", "hash", "eh/s", "ph/s", "th/s", " eh ", " ph ", "j/th", "w/th", "kwh", "mwh", "kilowatt", "efficien", "proceeds",
               "credits", "curtailment", "market program", "sold", "sale", "mined", "produc", "held", "holding", "treasury", "reserve", "per day",
               "daily", "restricted", "pledged")
_LABEL_HINT = re.compile(r"bitcoin|btc|hash|efficien|power|electricity|energy|cost|credit|proceeds|price|held|"
                         r"holding|sold|mined|produc|treasury|reserve|convert|hodl|per day|daily", re.I)


_MONTH_SECTION = re.compile(
    r"^\s*(?:preliminary\s+)?(?P<mon>january|february|march|april|may|june|july|august|september|october|november|"
    r"december)(?:\s+(?:19|20)\d{2})?\s+(?:operational|operating|production|mining)\s+(?:results|update|highlights)\s*:?\s*$",
    re.I)
_HASHRATE_FOR_PERIOD = re.compile(r"\s*(?:approximately\s+|about\s+|~)?[\d.,]+\s*(?:EH/s|PH/s|exahash|petahash)\s+"
                                  r"(?:average\s+)?(?:for|during|in|over)\s+(?:the\s+)?(?:fiscal\s+)?(?:Q[1-4]\b|quarter|month|"
                                  r"period|(?:first|second|third|fourth)\s+quarter)", re.I)
_BULLET_START = re.compile(r"\s*[-•●▪◦*]\s")


def extract_lines(text: str, own: Period, doc_locale: Locale, fy_end: int | None, order0: int = 0) -> list[Finding]:
    """Findings from `Label: value` lines (tier 2) and prose sentences (tier 1) for the document's period."""
    findings: list[Finding] = []
    # label-and-figure pairs run together ("BTC Mined371BTC Held1,132") are read only where no numbered
    # footnote could be one of the glued digits
    glued_ok: bool | None = None        # looked up on the first line with a figure glued to a word
    all_lines = _join_label_lines([piece for line in text.split("\n") for piece in _BULLET_RUN_ON.split(line)])
    glued_rows = _glued_rows(all_lines)
    footnote_digits = _footnote_digits(text) if glued_rows else frozenset()
    other_month = False
    in_dollars = False      # under a "($ in thousands)" caption, until running prose: the rows are dollars
    for n, line in enumerate(all_lines):
        if IN_THOUSANDS_RE.search(line):
            in_dollars = True
        elif "|" not in line and len(line) > 100:
            in_dollars = False
        heading = _MONTH_SECTION.match(line)
        if heading:
            # "Preliminary February Operational Results" in a quarter's release: its bullets are that month's
            mon = MONTHS[heading.group("mon").lower()]
            other_month = own.type == "quarter" and mon != own.end.month
            continue
        if other_month:
            if _BULLET_START.match(line) or not line.strip()[:1].isupper():
                continue    # its bullets, and their wrapped tails ("2025); average hashrate was 1.81 EH/s ...")
            other_month = False
        if n in glued_rows:
            findings.extend(_glued_row(glued_rows[n], own, doc_locale if doc_locale != "mixed" else "us", fy_end,
                                       footnote_digits, (order0 + n) * 1000))
            continue
        # a footnote's marker list ("1, 2 Bitcoin produced per day is based on ...") is no figure
        line = _FOOTNOTE_MARKERS.sub(lambda m: " " * len(m.group(0)), line)
        # the wire dateline ("DENVER, Dec. 3, 2025 (GLOBE NEWSWIRE) -- ") dates the release, not the figures
        # of the sentence it opens
        line = _DATELINE.sub(lambda m: " " * len(m.group(0)), line)
        low = line.lower() + " "        # "Installed Capacity: 1 EH" ends on its unit
        if not _DIGIT.search(line) and "no " not in low and "did not" not in low and " day" not in low \
                or not any(word in low for word in _HINT_WORDS):
            continue
        order = (order0 + n) * 1000
        locale = narrow_locale(detect_locale(line), doc_locale) if doc_locale == "mixed" else doc_locale
        m = _LABEL_LINE.match(line) if (":" in line or "|" in line) else None
        value = next((cell.strip() for cell in m.group("value").split("|") if cell.strip()), "") if m else ""
        if m and value and _DATE_CELL.fullmatch(value):
            continue    # a table's header row "Bitcoin holdings | December 31, 2024 | September 30, 2024": dates, no figure
        if m and value and in_dollars and "|" in line and dollar_row_of_a_count(m.group("label")):
            continue    # "Bitcoin sold | (127,829" in a roll-forward "($ in thousands)": dollars, not a count
        if m and value and _LABEL_HINT.search(m.group("label")):
            lm = match_label(m.group("label"))
            if lm is None and normalize_label(m.group("label"))[0] == "hashrate" \
                    and _HASHRATE_FOR_PERIOD.match(line, m.start("value")):
                # DMG's "Hashrate: 1.62 EH/s for Q1 2025": a hash rate over a period is the rate the fleet ran at
                lm = LabelMatch(("hashrate_operating_ehs",), None, "hashrate")
            if lm is not None and lm.fields and _label_period_ok(m.group("label"), own, fy_end):
                reading = read_value(lm.fields, value, locale, lm.unit, parens_negative=True)
                if reading.field and (reading.value is not None or reading.reason):
                    # a table row rendered as "label | cell | ..." cites its cells; a "Label: value" line itself
                    evidence = f"{m.group('label').strip()} | {value}" if "|" in line else line.strip()
                    findings.append(Finding(reading.field, own, reading.value, reading.reason, evidence,
                                            TIER_LINE, order))
                    rm = _RESTRICTED_NUMBER.search(line, m.start("value")) if reading.field == "btc_held" else None
                    qs = find_quantities(rm.group("n"), locale) if rm else []
                    if qs and qs[0].value is not None:
                        # "Bitcoin Held: 1,208.9 (including 310.0 BTC held as collateral)"
                        r2 = check_quantity("btc_held_restricted", qs[0])
                        findings.append(Finding("btc_held_restricted", own, r2.value, r2.reason, line.strip(),
                                                TIER_LINE, order + 1))
                first = re.match(r"\s*\S+", line[m.start("value"):])
                rest_at = m.start("value") + (first.end() if first else 0)
                if len(line) - rest_at < 60 or not _DIGIT.search(line, rest_at):
                    continue
                # a bulletin that runs on after its figure ("Bitcoin production in August 2022: 216 (+5% ...)
                # 33,600 connected ASIC systems ... 434 BTC were sold ..."): the rest is prose of its own
                line = " " * rest_at + line[rest_at:]
        if _GLUED_HINT.search(line):
            if glued_ok is None:
                glued_ok = _NUMBERED_FOOTNOTE.search(text) is None
            if glued_ok:
                findings.extend(_glued_pairs(line, own, locale, order))
        for s_off, sentence in _sentences_of(line):
            if _REVISION_NOTE.match(sentence):
                continue    # "*Revision of Oct-24 electricity cost per Bitcoin ...": an earlier month's figure restated
            low_s = sentence.lower()
            if s_off and ":" in sentence:
                # a "Label: value" written as a sentence of a paragraph: "... Total bitcoin sold in the quarter: 1,500."
                sm = _LABEL_LINE.match(sentence.strip())
                lm = match_label(sm.group("label")) if sm and _LABEL_HINT.search(sm.group("label")) else None
                if lm is not None and lm.fields and _label_period_ok(sm.group("label"), own, fy_end):
                    reading = read_value(lm.fields, sm.group("value"), locale, lm.unit, parens_negative=True)
                    if reading.field and reading.value is not None:
                        findings.append(Finding(reading.field, own, reading.value, None, sentence.strip(), TIER_LINE,
                                                order + s_off))
            if _SENTENCE_HINT.search(low_s) or _spelled_per_day(sentence) \
                    or (" and " in low_s and _HOLDINGS_RESPECTIVELY.search(sentence)) or (("no " in low_s or "did not" in low_s or "none" in low_s) and _ZERO_SOLD.search(sentence)) \
                    or (("restricted" in low_s or "pledged" in low_s or "loaned" in low_s or "collateral" in low_s
                         or "encumbered" in low_s) and _RESTRICTED_NUMBER.search(sentence)):
                findings.extend(_sentence_findings(sentence, own, locale, fy_end, order + s_off))
    return findings


_DIGIT = re.compile(r"\d")
_YEAR_BEFORE = re.compile(r"(?:\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?|\bQ[1-4]|\bFY|\b[Qq]uarter"
                          r"|\b[Ff]iscal(?:\s+[Yy]ear)?|\b[Yy]ear|\b\d{1,2},)\s*$")
_MONTH_WORD = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
               r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WIRE_DATE = _MONTH_WORD + r"\s+\d{1,2},?\s+\d{4}"
_PLACE = r"[A-Z][A-Za-z.'\-]*(?:[ ][A-Za-z.'\-]+){0,3}(?:,\s*[A-Z][A-Za-z.'\-]*(?:[ ][A-Za-z.'\-]+){0,2}){0,2}"
_DASH = r"(?:--|—|–|-)"
#: "DENVER, Dec. 3, 2025 (GLOBE NEWSWIRE) -- ", "AUSTIN, Texas, March 4, 2024 /PRNewswire/ -- ",
#: "LAS VEGAS--(BUSINESS WIRE)--Jan. 3, 2024-- ", "TORONTO, Ontario--(Newsfile Corp. - September 9, 2023) - "
_DATELINE = re.compile(
    rf"^\s*{_PLACE},\s*{_WIRE_DATE}\s*(?:\([^)]{{1,40}}\)|/[^/\n]{{1,40}}/)?\s*{_DASH}\s*"
    rf"|^\s*{_PLACE}\s*{_DASH}\s*\([^)]{{1,60}}\)\s*{_DASH}?\s*(?:{_WIRE_DATE}\s*{_DASH}\s*)?"
)
_REVISION_NOTE = re.compile(r"[\s*•-]*(?:revision|restatement|correction)\s+of\b", re.I)
_FOOTNOTE_MARKERS = re.compile(r"^\s*\d{1,2}(?:\s*,\s*\d{1,2})+\s+(?=[A-Z])")
# "Bitcoin Holdings:" or, in a one-column key-metrics table kept one cell per line, "Bitcoin mined |"
# (Mawson: "Energy Market Program revenue: approximately" / "$0.09M - Hosting ...")
_LABEL_ONLY = re.compile(r"[^\d:|]{3,60}(?::|\s\|)\s*(?:approximately\s*)?")
_VALUE_FIRST = re.compile(r"\s*(?:approximately\s+|~)?(?:US)?\$?\(?\d")


# a bulleted list flattened onto one line: "$17,804 - Self-Mined Bitcoin produced: 34" (Mawson as syndicated):
# each "- Label: value" item is a line of its own
_BULLET_RUN_ON = re.compile(r"(?<=\S)\s+-\s+(?=[A-Z][A-Za-z][^:\d|]{2,60}:\s*\S)")


def _join_label_lines(lines: list[str]) -> list[str]:
    """DMG's key metrics put "Bitcoin Holdings:" on one line and "351 BTC (vs 458 BTC ...)" on the next (and
    IREN's one-column table "Bitcoin mined |" / "410 |"): the pair is one `Label: value` line (the value's own line is left empty, so line numbers keep their order)."""
    out = list(lines)
    for i in range(len(out) - 1):
        if _LABEL_ONLY.fullmatch(out[i]) and _VALUE_FIRST.match(out[i + 1]) and _LABEL_HINT.search(out[i]):
            out[i] = out[i].rstrip() + " " + out[i + 1].strip()
            out[i + 1] = ""
    return out
_CELL_TEXT = re.compile(r"[^|]+")
_BULLET_ONLY = re.compile(r"[\s•●·▪◦*-]*")


def _sentences_of(line: str) -> list[tuple[int, str]]:
    """Sentences of a line; a layout table rendered as `| ● | text |` is read cell by cell, so bullets and
    pipes never become part of a sentence (or of its evidence)."""
    if "|" not in line:
        return split_sentences(line)
    out = []
    for cell in _CELL_TEXT.finditer(line):
        if not _BULLET_ONLY.fullmatch(cell.group()):
            out += [(cell.start() + off, sentence) for off, sentence in split_sentences(cell.group())]
    return out
# a number with a metric unit (also spelled out: "3.3 exahash per second"), or a metric word shortly before a
# number: anything else is not worth reading
_SENTENCE_HINT = re.compile(   # applied to the lower-cased sentence
    r"\d\s?(?:self[- ]mined\s)?(?:eh|ph|th|exa|peta|j/|w/|c/kwh|¢|cents?\b|/kwh|per kwh|per kilowatt|/mwh|btc|bitcoins?\b)|"
    r"(?:produc|mined|earned|held|holding|sold|sale|proceeds|credits|averag|daily|per day|restricted|pledged|loaned|"
    r"treasury|reserve|balance|cost per [mk]wh|cost per (?:kilo|mega)watt)[^.;\d]{0,60}\d|\d[^.;]{0,40}(?:credits|proceeds|restricted|pledged|loaned|curtailment)")


def _label_period_ok(label: str, own: Period, fy_end: int | None) -> bool:
    return all(_mention_ok(mt, own, point_in_time=True) for mt in find_mentions(label, fy_end))


def _compared_aside(sentence: str, after: int, mt: Mention) -> bool:
    """A period named inside brackets after the figure, beside a figure of its own, belongs to that figure: "1,514
    Bitcoin mined (1,347 Bitcoin in Q2 FY25)"."""
    opened = sentence.rfind("(", after, mt.start)
    if opened < 0 or sentence.find(")", opened, mt.start) >= 0:
        return False
    return re.search(r"\d", sentence[opened:mt.start]) is not None and sentence.find(")", mt.end) >= 0


def _mention_ok(mt: Mention, own: Period, point_in_time: bool) -> bool:
    """Does a period named beside a figure refer to the document's own period?"""
    if mt.kind == "year":
        # "holdings increased 64.7% in 2022 to 9,086 at year end" in a Q4 2022 release: the level is the quarter's
        return point_in_time and mt.day == own.end
    if mt.kind == "cumulative":
        return False
    if mt.kind == "quarter_month":
        return own.type == "quarter" and mt.month == own.end.month
    if mt.kind == "month_only" and mt.day_of_month is not None:
        # "As of November 1, operating mining fleet ..." in an October update: the day after the month closes
        after = own.end + timedelta(days=1)
        if (mt.month, mt.day_of_month) in ((own.end.month, own.end.day), (after.month, after.day)):
            return True
    if mt.kind == "month_only":
        return own.type == "month" and mt.month == own.start.month or \
            own.type == "quarter" and point_in_time and mt.month == own.end.month
    if mt.kind == "date":
        # "As of November 1, operating mining fleet ... producing approximately 7.0 EH/s" closes October
        return mt.day == own.end or mt.day == own.end + timedelta(days=1) or (own.type == "month" and own.contains(mt.day) and not point_in_time)
    if mt.kind in ("month", "quarter", "fiscal_quarter"):
        return mt.period == own
    return True


def _as_fiscal(mentions: list[Mention], own: Period, fy_end: int | None) -> list[Mention]:
    """A miner whose fiscal year ends in another month writes its own quarter bare ("Hashrate: 1.76 EH/s average
    for Q2 2025" in DMG's fiscal Q2 release): a bare quarter that is the report's own fiscal quarter is that."""
    if not fy_end or fy_end == 12 or own.type != "quarter":
        return mentions
    out = []
    for mt in mentions:
        if mt.kind == "quarter" and mt.period is not None and mt.period != own and mt.day is None:
            q, y = (mt.period.end.month + 2) // 3, mt.period.end.year
            if fiscal_quarter(y, q, fy_end) == own:
                mt = dataclasses.replace(mt, kind="fiscal_quarter", period=own, fiscal=(y, q))
        out.append(mt)
    return out


def _segments(sentence: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Clause boundaries, never inside a date ("September 30, 2025") or a number."""
    cuts = [0]
    for m in _SEGMENT_BREAK.finditer(sentence):
        if any(mt.start <= m.start() < mt.end for mt in mentions):
            continue
        cuts.append(m.start())
        cuts.append(m.end())
    cuts.append(len(sentence))
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]


def _sentence_findings(sentence: str, own: Period, locale: Locale, fy_end: int | None, order: int) -> list[Finding]:
    has_digit = _DIGIT.search(sentence) is not None
    zero = _ZERO_SOLD.search(sentence)
    spelled_m = _spelled_per_day(sentence)
    spelled = spelled_m is not None
    if not has_digit and not zero and not spelled:
        return []
    quantities = find_quantities(sentence, locale, parens_negative=False) if has_digit else []
    # a first, cheap look with the whole sentence as context: most sentences state no metric at all
    pairs = _HOLDINGS_RESPECTIVELY.search(sentence) is not None
    dated_pairs = "espectively" in sentence and (_HELD_AT_DATES_RESPECTIVELY.search(sentence) is not None
                                                  or _DATES_THEN_HELD_RESPECTIVELY.search(sentence) is not None)
    hash_pairs = "espectively" in sentence and _HASHRATES_RESPECTIVELY.search(sentence) is not None
    credit_pairs = "espectively" in sentence and _QUARTERS_RESPECTIVELY.search(sentence) is not None
    if not zero and not spelled and not pairs and not hash_pairs and not dated_pairs and not credit_pairs and not _RESTRICTED_NUMBER.search(sentence) \
            and not _PLEDGED_NUMBER.search(sentence) \
            and not _COST_PER_ENERGY_HINT.search(sentence) \
            and not any(
            _classify(q, sentence[:q.start], sentence[q.end:], sentence) for q in quantities):
        return []
    mentions = _as_fiscal(find_mentions(sentence, fy_end), own, fy_end)
    segments = _segments(sentence, mentions)
    lead = _leading_mentions(sentence, mentions, segments)
    out: list[Finding] = []
    for q in quantities:
        if q.glued_left:
            continue       # "Equivalent BTC18BTC Sold34": a figure run into a word is a table cell, not prose
        if q.value is not None and q.decimals == 0 and not q.has_separator and 1990 <= q.value <= 2100 \
                and _YEAR_BEFORE.search(sentence, max(0, q.start - 16), q.start):
            continue       # "Mining Update - April 2023 Bitcoin Production ...": a year, not a count of bitcoin
        seg = next(((a, b) for a, b in segments if a <= q.start < b), (0, len(sentence)))
        before = sentence[seg[0]:q.start]
        after = sentence[q.end:seg[1]]
        unit_first = (_COST_PER_ENERGY_BEFORE.search(before[-50:]) or _COST_PER_ENERGY_FROM_TO.search(sentence[max(0, q.start - 120):q.start])) \
            if q.kind == "usd" and not q.scaled else None
        if unit_first and q.value is not None:
            # "Energy cost per MWh of $28.83": the unit named before the price
            per_mwh = unit_first.group("u").lower() in ("mwh", "megawatt-hour", "megawatt hour")
            q = dataclasses.replace(q, kind="usd_per_kwh", value=q.value / 1000 if per_mwh else q.value)
        name = _classify(q, before, after, sentence)
        if name is None:
            continue
        seg_text = sentence[seg[0]:seg[1]]
        if "arget" in seg_text:
            seg_text = _ACHIEVED_TARGET.sub(" ", seg_text)     # a target reached is no forecast
        fleet = _DEPLOYED_FLEET_COULD.search(sentence[:q.start]) if name == "hashrate_deployed_ehs" else None
        if fleet and fleet.end() == q.start:
            # what a deployed fleet "could generate" is its rating, no forecast
            seg_text = re.sub(r"\bcould\s+(?:generate|produce|deliver)\b", " ", seg_text, flags=re.I)
        if _FORWARD.search(seg_text) or (_COMPARISON_BEFORE.search(before[-60:]) and not _OVER_MEANS_MORE.search(before[-40:])):
            continue
        if name in ("btc_produced", "btc_sold", "btc_sale_proceeds_usd") and _SINCE_INCEPTION.search(sentence):
            continue    # "From the inception of our bitcoin mining business in February 2020 to March 31, 2025, we earned an aggregate of 7,363.4 bitcoins"
        if _AFTER_THE_PERIOD.match(sentence):
            continue    # "Post quarter end, a ... connection agreement was executed ..., increasing power capacity to ~22 EH/s"
        if _PARTICIPLE_START.match(sentence, seg[0]) and _FORWARD.search(sentence[:seg[0]]):
            continue    # "... expected to be 1.5 Exahash, producing approximately 6.8 bitcoin per day": still the forecast
        point = name in ("btc_held", "btc_held_restricted", "hashrate_deployed_ehs")
        if own.type == "quarter" and (point or name.startswith("hashrate")) and _CURRENTLY.search(sentence):
            # "Hut 8 currently has an installed hashrate of ... 1.7 EH/s", "Current hashrate of 7.0 EH/s", "Hut 8's
            # current Bitcoin balance" in a results release weeks after the quarter: the release date's (a
            # monthly update's "currently" is days after its month's end)
            continue
        if name.startswith("hashrate") and _TO_BE_ENERGIZED.search(sentence):
            continue    # "These miners provide ... hash rate capacity of nearly 1.6 EH/s, and ... all will be energized by ..."
        # (a date after the next figure of the same kind is that figure's: "to 4.8 EH/s as of March 31, 2023, and then hit
        # 5.0 EH/s as of April 27, 2023")
        next_same = next((o.start for o in quantities if o.start > q.end and o.kind == q.kind), len(sentence))
        if (point or name.startswith("hashrate")) and any(not _mention_ok(mt, own, True) for mt in mentions
                         if (q.end <= mt.start <= min(q.end + 100, next_same) or q.start - 160 <= mt.start < q.start)
                         and _AS_OF_BEFORE.search(sentence[max(0, mt.start - 12):mt.start])):
            # "1,610 BTC and 3,950 ETH as of October-end 2025" in a Q3 release, "balance as of November 10, 2021,
            # including 2,000 Bitcoin loaned": a balance dated after the period
            continue
        if (point or name.startswith("hashrate")) and any(
                mt.kind == "date" and mt.day is not None and mt.day < own.start and q.start - 160 <= mt.start < q.start
                and re.search(r"\bon\s+$", sentence[max(0, mt.start - 4):mt.start]) for mt in mentions):
            continue    # "Hut 8 began mining on December 22, 2017 with 7 BlockBoxes ..., representing 52.5 PH/s" in a Q1 2018 release
        seg_mentions = [mt for mt in mentions if seg[0] <= mt.start < seg[1] and not _compared_aside(sentence, q.end, mt)]
        came_from = _FROM_THEN_TO.search(sentence, seg[0], q.start)
        if came_from:
            # "from $0.040 in Q1 2024 to $0.032 in Q2 2024": the period named for the old figure is not this one's
            seg_mentions = [mt for mt in seg_mentions if not came_from.start() <= mt.start < q.start]
        if point:
            seg_mentions = [mt for mt in seg_mentions
                            if not any(nxt.start > mt.end and _RANGE_START.fullmatch(sentence[mt.end:nxt.start])
                                       and re.search(r"\b(?:from|since)\s+$", sentence[max(0, mt.start - 8):mt.start], re.I)
                                       for nxt in seg_mentions)]
        checked = seg_mentions or lead
        if point or any(mt.kind in ("month", "month_only", "quarter", "fiscal_quarter", "date") and _mention_ok(mt, own, point)
                        for mt in checked):
            # (a balance at a "record-high 1,057 Bitcoins" is still the balance)
            # "Record BTC Production of 1,853 BTC in December": a record named beside the report's own month
            # is that month's figure
            checked = [mt for mt in checked if not (mt.kind == "cumulative" and _RECORD_WORD.fullmatch(sentence[mt.start:mt.end]))]
        if point or name.startswith("hashrate"):
            # "increased our operating hashrate to 1.0 EH/s at the end of June 2023" in a Q2 release: the level at
            # the quarter's last day
            checked = [mt for mt in checked if not (mt.kind == "month" and mt.period is not None and mt.period.end == own.end
                                                    and _END_OF_BEFORE.search(sentence, max(0, mt.start - 20), mt.start))]
        if _OWN_PERIOD_WORDS.search(sentence):
            # "Record average operating hashrate of 685 PH/s ... for the quarter": the quarter's record
            checked = [mt for mt in checked if not (mt.kind == "cumulative" and _RECORD_WORD.fullmatch(sentence[mt.start:mt.end]))]
        if not all(_mention_ok(mt, own, point) for mt in checked):
            continue
        reading = check_quantity(name, q)
        if reading.value is None and reading.reason is None:
            continue
        # a stated total of credits outranks the "power credits" part named beside it in prose, and the
        # self-mining share outranks a total that adds customers' bitcoin ("409 ..., of which ... 134 bitcoin were
        # produced for self-mining")
        tier = TIER_PROSE + 0.5 if name == "btc_produced" and _FOR_SELF_MINING.match(after) else TIER_PROSE
        if tier > TIER_PROSE and _OF_WHICH_BEFORE.search(before):
            tier = TIER_TABLE + 0.5
        if name == "power_credits_usd" and (_CREDITS_BEFORE.search(before) or _CREDITS_AFTER.search(after)):
            tier = TIER_PROSE + 0.5
        if name in ("hashrate_deployed_ehs", "hashrate_operating_ehs") and _SELF_MINING_WORD.search(sentence):
            tier = TIER_PROSE + 0.25    # the company's own hash rate beside a data-centre total with customers'

        out.append(Finding(name, own, reading.value, reading.reason, _evidence(sentence, q), tier,
                           order + q.start))
    for m in [*_RESTRICTED_NUMBER.finditer(sentence), *_PLEDGED_NUMBER.finditer(sentence)]:
        qs = find_quantities(m.group("n"), locale)
        if qs and qs[0].value is not None and not _FORWARD.search(sentence) \
                and all(_mention_ok(mt, own, True) for mt in mentions) \
                and not (own.type == "quarter" and _CURRENTLY.search(sentence)):
            # "Hut 8's Bitcoin balance as of November 10, 2021, including 2,000 Bitcoin loaned" in a Q3 release
            reading = check_quantity("btc_held_restricted", qs[0])
            out.append(Finding("btc_held_restricted", own, reading.value, reading.reason, _evidence(sentence, qs[0]),
                               TIER_PROSE, order + m.start()))
    if hash_pairs:
        out.extend(_hashrates_respectively(sentence, own, locale, mentions, order))
    if dated_pairs:
        out.extend(_held_at_dates(sentence, own, locale, mentions, order))
    if credit_pairs:
        out.extend(_credits_for_quarters(sentence, own, locale, order))
    if pairs:        # "Treasury holdings of BTC and ETH were 820.8 and 13,783.4" (with or without "respectively")
        out.extend(_respectively(sentence, own, locale, mentions, order))
    w = spelled_m
    if w and _PRODUCED_WORD.search(sentence[:w.start()]) and not _FORWARD.search(sentence) \
            and all(_mention_ok(mt, own, False) for mt in mentions):
        out.append(Finding("btc_produced_per_day", own, float(_NUMBER_WORDS[w.group("w").lower()]), None,
                           _evidence(sentence, Quantity(None, "number", w.group(0), w.start(), w.end())),
                           TIER_PROSE, order + w.start()))
    z = _ZERO_SOLD.search(sentence)
    if z and not _FORWARD.search(sentence) and all(_mention_ok(mt, own, False) for mt in mentions):
        out.append(Finding("btc_sold", own, 0.0, None, sentence.strip(), TIER_PROSE, order + z.start()))
    return out


_NUMBERED_FOOTNOTE = re.compile(r"(?m)^\s*(?:\(\d{1,2}\)|\d{1,2}\.?)\s+[A-Z“\"]|[A-Za-z]\d{1,2}\s*[“\"][A-Z]")
# a label's last letter (or its closing unit bracket / star) run into a figure that runs into the next label
_GLUED_PAIR = re.compile(r"(?<=[A-Za-z)])(?P<num>(?:[1-9]\d{0,2}(?:,\d{3})+|0|[1-9]\d{0,2})(?:\.\d+)?)"
                         r"(?![\d,.]?\d)(?P<unit>\s?(?:EH/s|PH/s|J/TH|BTC))?(?=(?-i:[A-Z])|\s*\*|\s*$)")
_GROUPED_THOUSANDS = re.compile(r"\d,\d{3}(?!\d)")
_FOOTNOTE_THEN_FIGURE = re.compile(r"(?<=[a-z)])(?P<d>[1-9])(?P<n>\d{3}(?:\.\d+)?)(?=(?-i:[A-Z]))")
_GLUED_HINT = re.compile(r"[a-z)]\d[\d,.]*(?-i:[A-Z])")      # cheap gate: "Mined371Power"
_GLUED_LABEL_WORDS = re.compile(r"[A-Za-z][A-Za-z()/\-]*")


# A one-column key-metrics table flattened one row per line with the figure run into its label:
# "Average operating hashrate (PH/s)5,576", "Bitcoin mined399"
_GLUED_ROW = re.compile(r"^\s*(?P<label>[A-Za-z][^\d|:]{2,80}?[A-Za-z)])(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
                        r"\s*(?P<unit>EH/s|PH/s|J/TH|BTC)?\s*$")
_GLUED_MARKER = re.compile(r"(?<=[a-z])(?P<d>[1-9])(?=\s|$|[A-Z])")


def _glued_rows(lines: list[str]) -> dict[int, tuple[str, LabelMatch, re.Match]]:
    """Lines that are a metric label with its figure glued on, in runs of at least two (a lone such line is as
    likely a heading with a footnote mark)."""
    rows = {}
    for n, line in enumerate(lines):
        if len(line) > 120 or not line[-1:].isdigit() and not line.rstrip().endswith(("EH/s", "PH/s", "J/TH", "BTC")):
            continue
        m = _GLUED_ROW.match(line)
        if m is None or not _LABEL_HINT.search(m.group("label")):
            continue
        lm = match_label(m.group("label"))
        if lm is not None and lm.fields:
            rows[n] = (m.group("label"), lm, m)
    return {n: r for n, r in rows.items() if any(k in rows for k in (n - 2, n - 1, n + 1, n + 2))}


def _footnote_digits(text: str) -> frozenset[int]:
    """Footnote marks run into words elsewhere in the release ("Key Highlights1", "$14/TH4")."""
    return frozenset(int(m.group("d")) for m in _GLUED_MARKER.finditer(text[:20000]))


def _glued_row(row: tuple[str, LabelMatch, re.Match], own: Period, locale: Locale, fy_end: int | None,
               footnotes: frozenset[int], order: int) -> list[Finding]:
    label, lm, m = row
    if not _label_period_ok(label, own, fy_end):
        return []
    num = m.group("num")
    digits = num.replace(",", "")
    evidence = f"{label.strip()} | {num}{m.group('unit') or ''}"
    if int(num[0]) in footnotes and len(digits) > 1 and not ("," in num and not re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", num[1:])):
        # "Bitcoin mined3,99" cannot be footnote 3 + ",99", but "Bitcoin mined399" can be footnote 3 + 99
        return [Finding(lm.fields[0], own, None, f"{num!r} is run into its label and the release has a footnote "
                        f"{num[0]}: the first digit may be that mark", evidence, TIER_LINE, order)]
    reading = read_value(lm.fields, num + (" " + m.group("unit") if m.group("unit") else ""), locale, lm.unit)
    if reading.field and (reading.value is not None or reading.reason):
        return [Finding(reading.field, own, reading.value, reading.reason, evidence, TIER_LINE, order)]
    return []


def _glued_pairs(line: str, own: Period, locale: Locale, order: int) -> list[Finding]:
    """A key-metrics block flattened without separators ("Key MetricsJanuary 2024*BTC Mined371Power Sales
    Equivalent BTC18BTC Sold34..."): each figure belongs to the longest run of words before it that names a
    metric; a run that names none ("Power Sales Equivalent BTC") leaves its figure alone. At least two pairs
    must occur on the line (one glued figure alone is as likely a footnote digit run into a value)."""
    if _GROUPED_THOUSANDS.search(line):
        # "Bitcoin mined3148Mining revenue": where the table groups thousands ("1,164"), four bare digits are a
        # footnote mark run into a three-digit figure, when that mark is one of the release's footnotes or the
        # next in their sequence ("Key highlights1", "Key metrics2", then "mined3")
        marks = _footnote_digits(line)
        line = _FOOTNOTE_THEN_FIGURE.sub(
            lambda m: m.group("n") if int(m.group("d")) in marks or int(m.group("d")) - 1 in marks else m.group(0), line)
    pairs = []
    prev_end = 0
    for m in _GLUED_PAIR.finditer(line):
        before = line[prev_end:m.start()]
        prev_end = m.end()
        words = list(_GLUED_LABEL_WORDS.finditer(before))[-8:]
        for k in range(len(words)):
            label = before[words[k].start():]
            lm = match_label(label)
            if lm is not None and lm.fields:
                pairs.append((label, lm, m))
                break
    if len(pairs) < 2:
        return []
    out = []
    for label, lm, m in pairs:
        cell = m.group("num") + (m.group("unit") or "")
        reading = read_value(lm.fields, cell, locale, lm.unit)
        if reading.field and reading.value is not None:
            out.append(Finding(reading.field, own, reading.value, None, f"{label.strip()} | {cell}", TIER_LINE,
                               order + m.start()))
    return out


_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
# "produced an average of nine BTC per day": a small count spelled out
_WORD_PER_DAY = re.compile(r"\b(?P<w>" + "|".join(_NUMBER_WORDS) + r")\s+(?:btc|bitcoins?)\s+(?:per|a|each)\s+day\b",
                           re.I)


def _spelled_per_day(sentence: str):
    """The spelled-out count before each " day" (the pattern is tried only in the 30 characters before it)."""
    i = sentence.find(" day")
    while i != -1:
        m = _WORD_PER_DAY.search(sentence, max(0, i - 30), i + 4)
        if m:
            return m
        i = sentence.find(" day", i + 4)
    return None
_PRODUCED_WORD = re.compile(r"\b(?:produc\w*|mined|earned|generated)\b", re.I)
_ASSET = r"(?:BTC|bitcoin|ETH|ether(?:eum)?|USDC|SOL|[A-Z]{3,5})"
# "Treasury holdings of BTC and ETH were 821.1 and 13,783.4 ..., respectively": figures paired with assets by
# position; a footnote's text printed inline between "holdings" and "of BTC" is skipped over
_HOLDINGS_RESPECTIVELY = re.compile(
    rf"\b(?:holdings?|held|balances?|reserves?)\b[^;]{{0,400}}?\bof\s+(?P<a1>{_ASSET})\s+and\s+(?P<a2>{_ASSET})\s+"
    r"(?:were|was|are|is|of|totaled|totalled|stood at|have been|had been)\s+(?:approximately\s+|about\s+)?"
    r"(?P<n1>\d[\d,.]*\d|\d)\s+(?:[A-Z]{3,5}\s+)?and\s+(?:approximately\s+|about\s+)?(?P<n2>\d[\d,.]*\d|\d)", re.I)


# A 10-Q note's "The Company held approximately 2,203, and 780 bitcoin at June 30, 2024, and December 31, 2023,
# respectively": balances paired with dates, the one at the period's end is the period's
_HELD_AT_DATES_RESPECTIVELY = re.compile(
    r"\b(?:held|holds|had|owned)\s+(?:approximately\s+|about\s+)?(?P<n1>\d[\d,.]*\d|\d),?\s+and\s+(?:approximately\s+|about\s+)?"
    r"(?P<n2>\d[\d,.]*\d|\d)\s+(?:bitcoins?|btc)\s+(?:at|as\s+of|on)\s+(?P<dates>[^;]{5,80}?),?\s+respectively\b", re.I)

#: The dates first: "As of December 31, 2025 and September 30, 2025, the Company held 11,452 and 10,428 bitcoin,
#: respectively" (a 10-Q note).
_DATES_THEN_HELD_RESPECTIVELY = re.compile(
    r"\b(?:as\s+of|as\s+at|at)\s+(?P<dates>[^;]{5,80}?),\s+(?:the\s+Company|we|it|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})\s+"
    r"(?:held|holds|had|owned)\s+(?:approximately\s+|about\s+)?(?P<n1>\d[\d,.]*\d|\d),?\s+and\s+(?:approximately\s+|about\s+)?"
    r"(?P<n2>\d[\d,.]*\d|\d)\s+(?:bitcoins?|btc),?\s+respectively\b", re.I)

#: A 10-Q's two quarters in one sentence: "Power curtailment credits for the three months ended September 30, 2025 and
#: 2024 were $30.6 million and $12.4 million, respectively", "during the three months ended June 30, 2024 and 2023,
#: we earned $13.9 million and $13.5 million, respectively, in power credits".
_MONEY_FIGURE = r"\$\s?[\d.,]+(?:\s?(?:million|billion|thousand))?"
_CREDITS_WORDS = r"(?:power|energy|curtailment|demand[- ]response)\s+(?:curtailment\s+)?credits"
_QUARTERS_RESPECTIVELY = re.compile(
    r"(?P<lead>\b" + _CREDITS_WORDS + r"\s+)?(?:for|during)\s+the\s+three\s+months\s+ended\s+(?P<md>[A-Z][a-z]+\.?\s+\d{1,2}),\s+"
    r"(?P<y1>(?:19|20)\d\d)\s+and\s+(?P<y2>(?:19|20)\d\d),?\s+(?:we\s+(?:earned|received|recognized)|(?:were|was|totaled|totalled))\s+"
    r"(?:approximately\s+)?(?P<n1>" + _MONEY_FIGURE + r")\s+and\s+(?:approximately\s+)?(?P<n2>" + _MONEY_FIGURE + r"),?\s+"
    r"respectively(?P<tail>,?\s+(?:in|of)\s+" + _CREDITS_WORDS + r")?", re.I)


def _credits_for_quarters(sentence: str, own: Period, locale: Locale, order: int) -> list[Finding]:
    """The power credits of the own quarter from a sentence that gives this year's and last year's."""
    m = _QUARTERS_RESPECTIVELY.search(sentence)
    if m is None or not (m.group("lead") or m.group("tail")) or own.type != "quarter":
        return []
    month_name, day = m.group("md").split()
    month = MONTHS.get(month_name.rstrip(".").lower())
    slot = next((k for k in (1, 2) if (int(m.group(f"y{k}")), month, int(day)) ==
                 (own.end.year, own.end.month, own.end.day)), None)
    return _slot_figure("power_credits_usd", None, sentence, m, slot, own, locale, order)


_HASH_FIGURE = r"[\d.,]+\s?(?:EH/s|PH/s|EH|PH)"
_HASHRATES_RESPECTIVELY = re.compile(
    r"\b(?P<w1>[A-Za-z]+)\s+and\s+(?P<w2>[A-Za-z]+)\s+hash\s?rates?\s+(?:of\s+)?(?:approximately\s+|about\s+)?"
    r"(?P<x1>" + _HASH_FIGURE + r")\s+and\s+(?:approximately\s+|about\s+)?(?P<x2>" + _HASH_FIGURE + r"),?\s+respectively\b", re.I)


def _hashrates_respectively(sentence: str, own: Period, locale: Locale, mentions: list[Mention], order: int) -> list[Finding]:
    """"ended the period with active and contracted hash rate of approximately 187 PH/s and 725 PH/s, respectively":
    each figure is what its own word says (the words prose reads anywhere else); a contracted or planned one is none
    of the fleet's."""
    if _FORWARD.search(sentence) or not all(_mention_ok(mt, own, True) for mt in mentions) \
            or (own.type == "quarter" and _CURRENTLY.search(sentence)):
        return []
    out = []
    for hm in _HASHRATES_RESPECTIVELY.finditer(sentence):
        for word, group in (("w1", "x1"), ("w2", "x2")):
            w = hm.group(word)
            name = "hashrate_deployed_ehs" if _DEPLOYED.fullmatch(w) else "hashrate_operating_ehs" if _OPERATING.fullmatch(w) else None
            qs = find_quantities(hm.group(group), locale, parens_negative=False)
            if name is None or not qs or qs[0].kind != "ehs":
                continue
            reading = check_quantity(name, qs[0])
            out.append(Finding(name, own, reading.value, reading.reason, hm.group(0), TIER_PROSE, order + hm.start(group)))
    return out


def _held_at_dates(sentence: str, own: Period, locale: Locale, mentions: list[Mention], order: int) -> list[Finding]:
    """The balance paired with the period's last day in "held ... N1, and N2 bitcoin at D1, and D2, respectively"
    (or with the dates first: "As of D1 and D2, the Company held N1 and N2 bitcoin, respectively")."""
    m = _HELD_AT_DATES_RESPECTIVELY.search(sentence) or _DATES_THEN_HELD_RESPECTIVELY.search(sentence)
    if m is None:
        return []
    dates = [mt for mt in mentions if m.start("dates") <= mt.start < m.end("dates") and mt.kind == "date"]
    if len(dates) != 2:
        return []
    slot = next((k for k in (1, 2) if dates[k - 1].day == own.end), None)
    return _held_figure(sentence, m, slot, own, locale, order)


def _respectively(sentence: str, own: Period, locale: Locale, mentions: list[Mention], order: int) -> list[Finding]:
    m = _HOLDINGS_RESPECTIVELY.search(sentence)
    if m is None or _FORWARD.search(sentence) or not all(_mention_ok(mt, own, True) for mt in mentions):
        return []
    slot = next((k for k in (1, 2) if m.group(f"a{k}").lower() in ("btc", "bitcoin")), None)
    return _held_figure(sentence, m, slot, own, locale, order)


def _held_figure(sentence: str, m: re.Match, slot: int | None, own: Period, locale: Locale, order: int) -> list[Finding]:
    """The bitcoin balance in group `n{slot}` of a "respectively" match (none when no slot is the period's)."""
    return _slot_figure("btc_held", "btc", sentence, m, slot, own, locale, order)


def _slot_figure(field: str, kind: str | None, sentence: str, m: re.Match, slot: int | None, own: Period,
                 locale: Locale, order: int) -> list[Finding]:
    """`field` read from group `n{slot}` of a "respectively" match, located in the sentence (none without a slot).
    `kind` is the unit the match's wording gives a bare count ("11,452 and 10,428 bitcoin"); None keeps the figure's
    own ("$30.6 million")."""
    if slot is None:
        return []
    qs = find_quantities(m.group(f"n{slot}"), locale)
    if not qs or qs[0].value is None:
        return []
    q = Quantity(qs[0].value, kind or qs[0].kind, qs[0].raw, m.start(f"n{slot}"), m.end(f"n{slot}"), decimals=qs[0].decimals)
    reading = check_quantity(field, q)
    return [Finding(field, own, reading.value, reading.reason, _evidence(sentence, q), TIER_PROSE,
                    order + m.start(f"n{slot}"))]


def _leading_mentions(sentence: str, mentions: list[Mention], segments: list[tuple[int, int]]) -> list[Mention]:
    """`As of September 30, 2025, ...` / `In Q3 2025 ...` / `For the nine months ended ...` govern the whole
    sentence: the periods named in its opening clause."""
    if not re.match(r"\s*(?:as of|as at|at|in|during|for|through|throughout|by|over)\b", sentence, re.I):
        return []
    end = segments[0][1] if segments else len(sentence)
    return [mt for mt in mentions if mt.start < end]


def _nearest(before: str) -> str | None:
    best, pos = None, -1
    for name, rx in _KEYWORD_RES:
        for m in rx.finditer(before):
            if m.end() > pos or (m.end() == pos and name == "exclude"):
                best, pos = name, m.end()
    return best


def _classify(q: Quantity, before: str, after: str, sentence: str) -> str | None:
    """Which field a number in prose states, from its unit and the nearest metric word; None when unclear."""
    if q.value is None and q.kind == "number":
        return None
    if q.kind == "btc" or (q.kind == "number" and (_SELF_MINED_AFTER.match(after) or _NUMBER_OF_BITCOINS_BEFORE.search(before))):
        if _BTC_EQUIVALENT_OF.search(sentence[:q.start]):
            return None     # "The BTC equivalent of our digital asset holdings ... was approximately 1,480.0 BTC"
        if _SURPASSES.search(before[-30:]):
            return None     # "Surpasses 5,000 Bitcoin Held in Reserve": a threshold crossed, not the balance
        for name, rx in _AFTER_BTC:
            if rx.search(after):
                return None if name == "exclude" else name
        if _CHANGE_BY.search(before[-30:]) and re.match(r"\s*to\s+(?:approximately\s+|about\s+)?\d", after):
            return None     # "grows treasury by 154 BTC to 703 BTC": the change, then the level it reached
        if re.match(r"\s*to\s+(?:approximately\s+|about\s+)?\d[\d,.]*\s*(?:btc|bitcoins?)\b", after, re.I) and re.search(
                r"\b(?:grow|grew|increas|rais|lift|expand|took|take|brought|bring)\w*\b[^.;\d]{0,30}$", before, re.I):
            return None     # "grows HODL 114 BTC to 549 BTC": the level it grew from, then the one it reached
        name = _nearest(before)
        if name is None and _AT_FIGURE_RESERVE.match(before) and _RESERVE_AFTER.match(sentence, q.end):
            name = "btc_held"   # "At 9,113 BTC, Hut 8 continues to have one of the largest self-mined Bitcoin reserves"
        if name is None and (_BARE_VERB.fullmatch(before) or _OR_APPOSITION.fullmatch(before)):
            # "The company's hodl position at the end of November, 2023, was 1,627 BTC": the clause holding
            # the figure is only a verb; the subject before it names the metric
            name = _nearest(sentence[max(0, q.start - 120):q.start])
        if name is None and _ENDED_THE_PERIOD_WITH.search(sentence[:q.start]):
            name = "btc_held"   # "Riot finished the quarter with $290 million in cash on hand and 7,327 Bitcoin"
        if name == "btc_produced" and _DAILY.search(before):
            name = "btc_produced_per_day"       # "Average daily bitcoin production was 10.0 BTC"
        if name == "btc_produced_per_day" and not re.search(r"\b(?:produc\w*|mined|mining|earned|generated)\b",
                                                              sentence, re.I):
            return None
        return None if name in (None, "exclude") else name
    if q.kind == "usd_per_btc":
        if _SALE.search(sentence) and re.search(r"\baverag\w*|\bat\b|\bprice\b", before, re.I) \
                and not _NOT_SALE_PRICE.search(before):
            return "btc_avg_sale_price_usd"
        return None
    if q.kind == "usd":
        tail = before[-90:]            # the `...$`-anchored patterns below never need more
        if ("redit" in tail and (_CREDITS_BEFORE.search(tail) or _PLAIN_CREDITS_BEFORE.search(tail))) \
                or (("redit" in after[:60] or "urtail" in after[:30])
                    # the words after the figure up to the sentence's end: "and" splits the clause
                    # ("$152,000 in curtailment and energy sales")
                    and (_CREDITS_AFTER.search(after) or _PLAIN_CREDITS_AFTER.search(sentence[q.end:]))):
            return "power_credits_usd"
        if "rice" in tail and not q.scaled and _AVG_PRICE_BEFORE.search(tail) and _SALE.search(sentence) \
                and not _NOT_SALE_PRICE.search(_since_last_figure(before[-60:])):
            return "btc_avg_sale_price_usd"
        if _PROCEEDS_BEFORE.search(before) and _SALE.search(sentence) and not re.search(
                r"\b(?:revenue|offering|notes|loan|financing|facility|purchas\w*|acquisition)\b", before, re.I):
            return "btc_sale_proceeds_usd"
        return None
    if q.kind == "usd_per_kwh":
        if _BOUND_BEFORE.search(before[-40:]) or re.search(r"\bnegative\b", before[-60:], re.I):
            # "at a power cost below US$0.04 per kilowatt-hour": a bound, not the cost; "negative realized
            # electricity costs of ~US$0.08/kWh": a credit printed without its sign
            return None
        # "The Company paid approximately $0.047 per kilowatt hour to its hosting partners"
        if re.search(r"\b(?:power|energy|electricity|all-in|cost|paid|pays)\b", sentence, re.I) and \
                not re.search(r"\b(?:hosting|hosted|sold|sell|revenue|contract(?:ed)? rate)\b", before, re.I):
            return "power_cost_usd_per_kwh"
        return None
    if q.kind == "ehs":
        window = before
        growing = _GROWING_TO.search(before[-90:]) and not _AT_A_DATE_AFTER.match(after)
        if _NOT_OPERATING.search(before[-40:]) or growing or _ABLE_TO_SUPPORT.search(before[-90:]) \
                or _CHANGE_BY.search(before[-30:]) or _OPENING_LEVEL.match(after):
            return None
        if re.match(r"\s*worth\s+of\s+(?:new\s+|additional\s+)?(?:miners|machines|rigs|ASICs)\b", after, re.I):
            return None     # "we successfully energized approximately 2 exahash worth of miners": machines added, no level
        fleet = _DEPLOYED_FLEET_COULD.search(sentence[:q.start])
        if fleet and fleet.end() == q.start and not re.search(r"\bhost(?:ed|ing)\b|\bcustomers?\b", sentence[:q.start], re.I):
            return "hashrate_deployed_ehs"      # "19,395 miners, which could generate approximately 2.09 EH/s"
        if _SPLIT_INTO_SELF_MINING.match(sentence, q.end):
            return None     # "total hash rate of 20.1 EH/s, consisting of 19.1 EH/s self-mining and 1.0 EH/s hosting"
        total = _PART_OF_TOTAL.search(sentence[:q.start]) if _SELF_MINING_AFTER.match(after) else None
        if total:
            # ... the self-mining part is the company's own hash rate, of the kind the total's words name
            head = sentence[:total.start()]
            if _OPERATING.search(head) and re.search(r"\baverag", head, re.I):
                return "hashrate_operating_ehs"
            return "hashrate_deployed_ehs"
        if _UNDER_MANAGEMENT.search(before[-90:]) or _FOR_CUSTOMERS.match(after) or _CUSTOMERS_BEFORE.search(before[-50:]) \
                or _WITH_HOSTING.search(sentence[max(0, q.start - 120):q.end + 80]) or _COMBINED_WITH_HOSTING.match(sentence, q.end):
            # "total mining capacity under management ... 28.6 EH/s" adds hosted and cloud customers' machines
            return None
        if _PARTICIPLE_START.match(before) and not _DEPLOYED.search(before) and not _OPERATING.search(before):
            # "operating mining fleet consisted of ... 69,000 active miners, producing approximately 7.0 EH/s":
            # the fleet the participle continues names the figure
            window = sentence[max(0, q.start - 150):q.start]
        dep = [m.end() for m in _DEPLOYED.finditer(window)]
        op = [m.end() for m in _OPERATING.finditer(window)]
        if _PARTICIPLE_AFTER.match(after) and not _FORWARD.search(after[:60]):
            return "hashrate_deployed_ehs"  # "averaged 3.2 EH/s against 3.6 EH/s installed": the word after it names it
        if _ONLINE_AFTER.match(after) and not _FORWARD.search(after[:60]):
            return "hashrate_operating_ehs"  # "7.5 EH/s energized, 6.9 EH/s average online"
        if not dep and not op and _ALLOCATED_TO_SELF_MINING.match(sentence, q.end):
            # "Proprietary hash rate was 5.4 EH/s ..., with 4.0 EH/s allocated to the Company's self-mining
            # business and 1.4 EH/s to its Cloud Hash Rate business": the self-mining share
            return "hashrate_deployed_ehs"
        if not dep and not op and _MINED_WITH_HASHRATE.search(sentence[max(0, q.start - 200):q.start]):
            # "153 bitcoin mined, down 22% from the prior quarter, with a hashrate of 0.96 EH/s": the hash rate the
            # period's bitcoin were mined with is the operating one
            return "hashrate_operating_ehs"
        if _EXITED_AT.search(before[-80:]) or _ENDED_WITH.search(sentence[max(0, q.start - 80):q.start]):
            return "hashrate_deployed_ehs"  # "hash rate finished the month at approximately 3.5 exahash per second"
        raised = _RAISED_HASHRATE_TO.search(sentence[max(0, q.start - 200):q.start])  # across "and by X% from ..."
        if raised and not _DEPLOYED.search(raised.group(0)) and not _OPERATING.search(raised.group(0)):
            return "hashrate_deployed_ehs"
        if not dep and not op and _BARE_HASHRATE_LEVEL.search(before[-60:]):
            # "our hashrate increased 9% to 6.1 EH/s", "total hashrate was 6.1 EH/s": a level with no average
            # or operating word is the point-in-time (installed) hashrate
            return "hashrate_deployed_ehs"
        if _AS_OF_RELEASE.search(sentence[q.end:q.end + 160]):
            return None     # "... representing 0.511 EH/s was deployed ... as of the date of this press release"
        if not dep and not op and _WAS_DEPLOYED_AFTER.match(after) and not _FORWARD.search(after[:60]):
            # "7,710 bitcoin miners representing 0.457 EH/s was deployed in North America as of December 31"
            return "hashrate_deployed_ehs"
        if not dep and not op and _WAS_HASHING_AFTER.match(sentence, q.end):
            # "11,513 bitcoin miners representing 1.20 EH/s, was actively hashing in North America as of April 30"
            return "hashrate_operating_ehs"
        if not dep and not op:
            # "ended the month with 4.18 EH per second of mining capacity", "8.0 EH/s of installed and
            # operational self-mining capacity": the words after the figure name it
            tail = sentence[q.end:q.end + 90]
            cap = _CAPACITY_AFTER.match(tail)
            if cap is None or _FORWARD.search(cap.group(0)) or _NOT_OPERATING.search(cap.group(0)):
                return None
            words = cap.group("words")
            if re.search(r"\baverage", cap.group(0), re.I):
                return "hashrate_operating_ehs"
            if _DEPLOYED.search(words) or cap.group("cap"):
                return "hashrate_deployed_ehs"     # installed ..., or a capacity ("operational ... capacity")
            return "hashrate_operating_ehs" if _OPERATING.search(words) else None
        return "hashrate_deployed_ehs" if (max(dep) if dep else -1) > (max(op) if op else -1) \
            else "hashrate_operating_ehs"
    if q.kind == "j_per_th":
        if _AT_A_SCALE.search(sentence[:q.start]):
            return None     # "At 30 EH/s, nameplate fleet efficiency of 16 J/TH": the fleet of a plan, at that size
        if _IMPROVES_FROM.search(sentence[max(0, q.start - 120):q.start]):
            return None     # "New ... purchase of S21 XP miners (improves efficiency from 16 J/TH to 15 J/TH ...)": a projection
        if re.search(r"efficien", before + " " + after[:20], re.I):
            return "efficiency_j_per_th"
        return None
    if q.kind == "number" and q.value is not None and _HELD_NUMBER_BEFORE.search(before[-80:]) \
            and not re.match(r"\s*(?:and|,)\s*\d", after):
        return "btc_held"          # "... of BTC and ETH were 1 and 2" is the positional pairing's case
    if q.kind == "number" and q.value is not None and _PRODUCTION_WAS.search(before[-50:]) \
            and not re.match(r"\s*(?:%|per\b|a day|each day|daily)", after, re.I):
        return "btc_produced"      # "our BTC production was 411 in September": a count with no unit after it
    if q.kind == "number" and _PER_DAY_NUMBER.search(before) and re.search(r"\b(?:bitcoin|btc)\b", before, re.I):
        return "btc_produced_per_day"
    return None


_PRODUCTION_WAS = re.compile(r"\b(?:(?:BTC|bitcoin)\s+production|"
                             # Argo's "Total BTC mined in the quarter was 319, or 3.5 BTC per day"
                             r"(?:total\s+)?(?:BTC|bitcoins?)(?:\s*\([\"“”]?BTC[\"“”]?\))?\s+(?:mined|produced)(?:\s+(?:in|during)\s+the\s+(?:quarter|month|period))?)"
                             r"\s+(?:was|were|of|totaled|totalled|reached|"
                             r"(?:grew|increased|rose|climbed|decreased|fell|declined)\s+to)\s+"
                             r"(?:approximately\s+|about\s+)?$", re.I)
_BARE_HASHRATE_LEVEL = re.compile(
    r"\b(?:our|its|the\s+company['’]s|total|corporate)\s+(?:self[- ]owned\s+|proprietary\s+)?(?:mining\s+)?hash\s?rate\s+"
    # "Our self-owned hashrate held steady at 3.3 EH/s"
    r"(?:(?:was|stood\s+at|reached|of|remains\s+(?:steady\s+)?at|remained\s+(?:steady\s+)?at|held\s+(?:steady\s+)?at|continues\s+to\s+be)"
    r"|(?:increased|grew|rose|climbed)(?:\s+(?:by\s+)?\d[\d.,]*\s?%)?\s+to)\s+"
    r"(?:approximately\s+|about\s+|roughly\s+)?$", re.I)
# "increased our corporate hashrate by 33% from the beginning of the quarter and by 157% from a year ago to 3.6
# exahash per second": the level reached, after the changes that led to it
_RAISED_HASHRATE_TO = re.compile(
    # a headline bullet drops the subject: "Increases hashrate to 6.1 EH/s at September 30, 2023"
    r"\b(?:increased|increases|grew|grows|raised|raises|lifted|expanded|expands)\s+(?:(?:our|its|the\s+company['’]s)\s+)?"
    r"(?:corporate\s+|total\s+)?hash\s?rate"
    r"(?:\s+(?:and\s+)?by\s+\d[\d.,]*\s?%(?:\s+(?:from|over|since|compared\s+to)\s+[a-z\s-]{1,40}?)?){0,3}"
    # Core Scientific's "increased its hashrate by 6%, from 10.3 EH/s to 10.9 EH/s"
    r"(?:,?\s+from\s+(?:approximately\s+)?\d[\d.,]*\s?(?:EH/s|PH/s|exahash(?:es)?(?:\s+per\s+second)?))?"
    r"\s+to\s+(?:approximately\s+|about\s+|roughly\s+)?$", re.I)
_ALLOCATED_TO_SELF_MINING = re.compile(
    r"\s*(?:of\s+(?:hash\s?rate|hashing\s+power)\s+)?(?:was\s+|were\s+)?allocated\s+to\s+(?:the\s+Company['’]s\s+|its\s+|our\s+)?"
    r"self[- ]mining\b", re.I)


def _evidence(sentence: str, q: Quantity) -> str:
    s = sentence.strip()
    if len(s) <= 300:
        return s
    a = max(0, q.start - 150)
    b = min(len(sentence), q.end + 150)
    a = sentence.rfind(" ", 0, a) + 1 if a > 0 else 0
    b_space = sentence.find(" ", b)
    b = b_space if b_space != -1 else len(sentence)
    return sentence[a:b].strip()
