"""Hostile input for the fuzz tests: known attack fragments mixed into arbitrary text."""

from __future__ import annotations

import os

from hypothesis import settings
from hypothesis import strategies as st

PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
# A page request costs far more than a call of a pure function: the HTTP properties get a part.
PAGES = settings(PROFILE, max_examples=max(10, PROFILE.max_examples // 2))

# Every vector calls alert(1337): finding "1337" in a script or handler means it came from us.
XSS_VECTORS = [
    "<script>alert(1337)</script>",
    "<ScRiPt >alert(1337)</sCrIpT>",
    "<img src=x onerror=alert(1337)>",
    "<svg onload=alert(1337)>",
    "<svg><script>alert(1337)</script></svg>",
    '<a href="javascript:alert(1337)">x</a>',
    '<a href="jav&#x09;ascript:alert(1337)">x</a>',
    '<a href="  JaVaScRiPt:alert(1337)">x</a>',
    "<a href=javascript&colon;alert(1337)>x</a>",
    '<iframe srcdoc="<script>alert(1337)</script>"></iframe>',
    "<body onload=alert(1337)>",
    '<div style="background:url(javascript:alert(1337))">',
    '" onmouseover="alert(1337)',
    "' onfocus='alert(1337)' autofocus='",
    "</script><script>alert(1337)</script>",
    "<scr<script>ipt>alert(1337)</scr</script>ipt>",
    "<!--<script>alert(1337)</script>-->",
    "<![CDATA[<script>alert(1337)</script>]]>",
    "<math><mi xlink:href=javascript:alert(1337)>x</mi></math>",
    "<details open ontoggle=alert(1337)>",
    '<form action="javascript:alert(1337)"><button>x</button></form>',
    "<object data=javascript:alert(1337)>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1337)">',
    "<style>@import 'javascript:alert(1337)';</style>",
    "%3Cscript%3Ealert(1337)%3C/script%3E",
    "&lt;script&gt;alert(1337)&lt;/script&gt;",
    "<a href='data:text/html,<script>alert(1337)</script>'>x</a>",
    "<p title='</p><script>alert(1337)</script>'>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1337)>">',
    "\x00<script>alert(1337)</script>",
]
vectors = st.sampled_from(XSS_VECTORS)
hostile_text = st.lists(st.one_of(st.text(max_size=40), vectors), max_size=6).map("".join)
