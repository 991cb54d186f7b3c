// The unread count beside "Notifications" in the admin's header, read after the page has
// loaded, so that no admin page spends a query on it.
(function () {
  "use strict";
  const link = document.getElementById("desk-notifications");
  if (!link || !link.dataset.countUrl) return;
  fetch(link.dataset.countUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then((response) => (response.ok ? response.json() : null))
    .then((data) => {
      if (!data) return;
      const count = link.querySelector(".desk-count");
      count.textContent = data.unread ? String(data.unread) : "";
      link.setAttribute("aria-label", data.label);
    })
    .catch(() => {});
})();
