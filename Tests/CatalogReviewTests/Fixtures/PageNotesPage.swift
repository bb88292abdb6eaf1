/// A second small docs page of our own (same layout as `DocsPageFixture`) whose defects are visible
/// only on the page itself: a glossed code column over a message cell that is fine, placeholder prose
/// left in English, mixed `<…>`/`{…}` syntax, and a description-only row with a glossed code column.
enum PageNotesFixture {
    static let text = #"""
---
title: Geräte-API-Fehlercodes
ms.contentlocale: de-DE
---

<span data-ttu-id="cd34-1">Fehlercode</span><span class="sxs-lookup"><span data-stu-id="cd34-1">Error code</span></span> | <span data-ttu-id="cd34-2">HTTP-Statuscode</span><span class="sxs-lookup"><span data-stu-id="cd34-2">HTTP status code</span></span> | <span data-ttu-id="cd34-3">Meldung</span><span class="sxs-lookup"><span data-stu-id="cd34-3">Message</span></span>
-|-|-
<span data-ttu-id="cd34-4">Gedrosselt (Throttled)</span><span class="sxs-lookup"><span data-stu-id="cd34-4">Throttled</span></span> | <span data-ttu-id="cd34-5">Zu viele Anforderungen (429)</span><span class="sxs-lookup"><span data-stu-id="cd34-5">Too Many Requests (429)</span></span> | <span data-ttu-id="cd34-6">Zu viele Anforderungen.</span><span class="sxs-lookup"><span data-stu-id="cd34-6">Too many requests.</span></span>
<span data-ttu-id="cd34-7">DeviceNotFound</span><span class="sxs-lookup"><span data-stu-id="cd34-7">DeviceNotFound</span></span> | <span data-ttu-id="cd34-8">Nicht gefunden (404)</span><span class="sxs-lookup"><span data-stu-id="cd34-8">Not Found (404)</span></span> | <span data-ttu-id="cd34-9">Gerät \<the requested device\> wurde nicht gefunden.</span><span class="sxs-lookup"><span data-stu-id="cd34-9">Device \<the requested device\> was not found.</span></span>
<span data-ttu-id="cd34-10">QuotaExceeded</span><span class="sxs-lookup"><span data-stu-id="cd34-10">QuotaExceeded</span></span> | <span data-ttu-id="cd34-11">Ungültige Anfrage (400)</span><span class="sxs-lookup"><span data-stu-id="cd34-11">Bad Request (400)</span></span> | <span data-ttu-id="cd34-12">Kontingent überschritten: \<requests received\> von {requests allowed}.</span><span class="sxs-lookup"><span data-stu-id="cd34-12">Quota exceeded: \<requests received\> of {requests allowed}.</span></span>
<span data-ttu-id="cd34-13">Allgemein (General)</span><span class="sxs-lookup"><span data-stu-id="cd34-13">General</span></span> | <span data-ttu-id="cd34-14">Ungültige Anfrage (400)</span><span class="sxs-lookup"><span data-stu-id="cd34-14">Bad Request (400)</span></span> | <span data-ttu-id="cd34-15">Fehlermeldung "Allgemeiner Fehler".</span><span class="sxs-lookup"><span data-stu-id="cd34-15">General error message.</span></span>

"""#
}
