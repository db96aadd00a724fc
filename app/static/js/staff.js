// Staff pages: tell the user when an htmx request failed, since htmx then swaps nothing.
(function () {
  "use strict";

  var MESSAGES = {
    0: "Không kết nối được máy chủ. Vui lòng kiểm tra mạng rồi thử lại.",
    400: "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ. Vui lòng tải lại trang rồi thử lại.",
    403: "Bạn không có quyền thực hiện thao tác này.",
    404: "Không tìm thấy dữ liệu này. Có thể nó vừa bị xóa.",
    413: "Tệp quá lớn."
  };

  function showError(status) {
    var area = document.getElementById("thong-bao");
    if (!area) { return; }
    var message = document.createElement("p");
    message.className = "flash flash-error";
    message.textContent = MESSAGES[status] || "Đã có lỗi xảy ra. Vui lòng thử lại sau ít phút.";
    area.replaceChildren(message);
    area.scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("htmx:responseError", function (event) {
    showError(event.detail.xhr.status);
  });
  document.addEventListener("htmx:sendError", function () { showError(0); });

  // The menu button shows on narrow screens only (staff.css); it folds the menu until pressed.
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector(".staff-menu-button");
    var nav = document.getElementById("staff-nav");
    if (!button || !nav) { return; }
    button.hidden = false;
    nav.classList.add("is-folded");
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      nav.classList.toggle("is-folded", !open);
    });
  });
}());
