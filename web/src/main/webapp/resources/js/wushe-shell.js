/* The shell's menu: the link of the page shown is announced as the current page, the link of the
   list a detail page came from as the current section (the menu model cannot carry aria-current). */
(function () {
    function mark() {
        document.querySelectorAll('.wushe-menubar a.wushe-current').forEach(function (a) {
            a.setAttribute('aria-current', 'page');
        });
        document.querySelectorAll('.wushe-menubar a.wushe-current-section').forEach(function (a) {
            a.setAttribute('aria-current', 'true');
        });
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', mark);
    } else {
        mark();
    }
})();
