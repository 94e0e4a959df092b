// Family Gallery viewer: PhotoSwipe over the album's justified grid. The grid is plain links to the
// large renditions, so everything works without this script; with it, a click opens the viewer.
// Each open photo has its own URL (#photo=<name>) and the back button closes the viewer.

const grid = document.getElementById('photos');
if (grid) {
  openViewerOn(grid);
}

function moduleUrl(name) {
  // Dynamic imports resolve against this module's URL, so make the page-relative path absolute.
  return new URL(document.body.dataset[name], document.baseURI).href;
}

async function openViewerOn(grid) {
  const { default: PhotoSwipeLightbox } = await import(moduleUrl('lightboxModule'));
  const tiles = Array.from(grid.querySelectorAll('a.tile'));
  const ids = tiles.map((tile) => decodeURIComponent(tile.dataset.photoId));

  const lightbox = new PhotoSwipeLightbox({
    gallery: grid,
    children: 'a.tile',
    pswpModule: () => import(moduleUrl('viewerModule')),
    preload: [1, 2],
    wheelToZoom: true,
    imageClickAction: 'zoom-or-close',
    tapAction: 'toggle-controls',
    doubleTapAction: 'zoom',
    bgOpacity: 0.95,
  });

  lightbox.on('uiRegister', () => {
    const pswp = lightbox.pswp;
    pswp.ui.registerElement({
      name: 'download',
      order: 8,
      isButton: true,
      tagName: 'a',
      title: 'Download the original',
      html: {
        isCustomSVG: true,
        inner: '<path d="M15 8h2v11l4-4 1.4 1.4-6.4 6.4-6.4-6.4L11 15l4 4ZM9 24h14v2H9Z" id="pswp__icn-download"/>',
        outlineID: 'pswp__icn-download',
      },
      onInit: (link) => {
        link.setAttribute('download', '');
        pswp.on('change', () => {
          const href = pswp.currSlide.data.element.dataset.download;
          link.hidden = !href;
          if (href) {
            link.href = href;
          } else {
            link.removeAttribute('href');
          }
        });
      },
    });
    pswp.ui.registerElement({
      name: 'caption',
      order: 9,
      isButton: false,
      appendTo: 'root',
      onInit: (box) => {
        pswp.on('change', () => showCaption(box, pswp.currSlide.data.element.dataset));
      },
    });
  });

  // The viewer's history entry: pushed when it opens, replaced while swiping, popped when it closes.
  let ownsHistoryEntry = false;
  lightbox.on('change', () => {
    const url = '#photo=' + encodeURIComponent(ids[lightbox.pswp.currIndex]);
    if (ownsHistoryEntry) {
      history.replaceState({ photo: true }, '', url);
    } else {
      history.pushState({ photo: true }, '', url);
      ownsHistoryEntry = true;
    }
  });
  lightbox.on('close', () => {
    if (ownsHistoryEntry) {
      ownsHistoryEntry = false;
      history.back();
    }
  });
  // PhotoSwipe ignores close() while its opening animation runs, so a quick Back waits for it.
  let animationDone = false;
  lightbox.on('openingAnimationEnd', () => {
    animationDone = true;
  });
  lightbox.on('destroy', () => {
    animationDone = false;
  });
  window.addEventListener('popstate', () => {
    if (lightbox.pswp && ownsHistoryEntry) {
      ownsHistoryEntry = false;
      const pswp = lightbox.pswp;
      if (animationDone) {
        pswp.close();
      } else {
        pswp.on('openingAnimationEnd', () => pswp.close());
      }
    } else {
      openFromLocation();
    }
  });

  function openFromLocation() {
    const match = /^#photo=(.+)$/.exec(location.hash);
    if (!match || lightbox.pswp) {
      return;
    }
    let index;
    try {
      index = ids.indexOf(decodeURIComponent(match[1]));
    } catch (malformed) {
      index = -1;
    }
    if (index >= 0) {
      // Closing a deep-linked photo should land on the album, not on the same photo again.
      history.replaceState(null, '', location.pathname + location.search);
      lightbox.loadAndOpen(index);
    }
  }

  lightbox.init();
  grid.dataset.viewer = 'ready';
  openFromLocation();
}

// Caption and date are set as text, never as HTML.
function showCaption(box, data) {
  box.replaceChildren();
  if (data.caption) {
    box.append(document.createTextNode(data.caption));
  }
  const details = [data.takenAt, data.camera].filter(Boolean).join(' \u00b7 ');
  if (details) {
    const small = document.createElement('small');
    small.textContent = details;
    box.append(small);
  }
}
