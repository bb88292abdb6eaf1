/// A small bilingual docs page of our own, laid out like the Microsoft Learn machine-translated pages
/// (`sxs-lookup` span pairs in the error table), with the kinds of defects machine translation leaves.
enum DocsPageFixture {
    static let text = #"""
---
title: Widget-API-Fehlercodes
ms.contentlocale: de-DE
---

# <span data-ttu-id="ab12-11">Widget-API-Fehlercodes</span><span class="sxs-lookup"><span data-stu-id="ab12-11">Widget API error codes</span></span>

<span data-ttu-id="ab12-12">Fehlercode</span><span class="sxs-lookup"><span data-stu-id="ab12-12">Error code</span></span> | <span data-ttu-id="ab12-13">HTTP-Statuscode</span><span class="sxs-lookup"><span data-stu-id="ab12-13">HTTP status code</span></span> | <span data-ttu-id="ab12-14">Meldung</span><span class="sxs-lookup"><span data-stu-id="ab12-14">Message</span></span>
-|-|-
<span data-ttu-id="ab12-15">Widget</span><span class="sxs-lookup"><span data-stu-id="ab12-15">Widget</span></span> | <span data-ttu-id="ab12-16">Ungültige Anfrage (400)</span><span class="sxs-lookup"><span data-stu-id="ab12-16">Bad Request (400)</span></span> | <span data-ttu-id="ab12-17">Fehlermeldung "Allgemeiner Widgetfehler".</span><span class="sxs-lookup"><span data-stu-id="ab12-17">General widget error message.</span></span>
<span data-ttu-id="ab12-18">InvalidColor</span><span class="sxs-lookup"><span data-stu-id="ab12-18">InvalidColor</span></span> | <span data-ttu-id="ab12-19">Ungültige Anfrage (400)</span><span class="sxs-lookup"><span data-stu-id="ab12-19">Bad Request (400)</span></span> | <span data-ttu-id="ab12-20">DIE Farbe \<the invalid color\> ist ungültig .</span><span class="sxs-lookup"><span data-stu-id="ab12-20">Color \<the invalid color\> is invalid.</span></span>
<span data-ttu-id="ab12-21">TooManyWidgets</span><span class="sxs-lookup"><span data-stu-id="ab12-21">TooManyWidgets</span></span> | <span data-ttu-id="ab12-22">Ungültige Anfrage (400)</span><span class="sxs-lookup"><span data-stu-id="ab12-22">Bad Request (400)</span></span> | <span data-ttu-id="ab12-23">Zu viele Widgets. Received: \<widget count received\>, allowed: {widget count allowed}.</span><span class="sxs-lookup"><span data-stu-id="ab12-23">Too many widgets. Received: \<widget count received\>, allowed: {widget count allowed}.</span></span>
<span data-ttu-id="ab12-24">InvalidIpAddress</span><span class="sxs-lookup"><span data-stu-id="ab12-24">InvalidIpAddress</span></span> | <span data-ttu-id="ab12-25">Ungültige Anfrage (400)</span><span class="sxs-lookup"><span data-stu-id="ab12-25">Bad Request (400)</span></span> | <span data-ttu-id="ab12-26">Die \<the invalid IP\> IP-Adresse ist ungültig.</span><span class="sxs-lookup"><span data-stu-id="ab12-26">IP address \<the invalid IP\> is invalid.</span></span>
<span data-ttu-id="ab12-27">Verweigert (Denied)</span><span class="sxs-lookup"><span data-stu-id="ab12-27">Denied</span></span> | <span data-ttu-id="ab12-28">Verboten (403)</span><span class="sxs-lookup"><span data-stu-id="ab12-28">Forbidden (403)</span></span> | <span data-ttu-id="ab12-29">Verweigert (Denied)</span><span class="sxs-lookup"><span data-stu-id="ab12-29">Denied</span></span> <br /><br /><span data-ttu-id="ab12-30">*Hinweis: Das Token ist gültig, die Berechtigung fehlt*.</span><span class="sxs-lookup"><span data-stu-id="ab12-30">*Note: Valid token but missing permission*.</span></span>

## <span data-ttu-id="ab12-31">Beispiele</span><span class="sxs-lookup"><span data-stu-id="ab12-31">Examples</span></span>

"""#
}
