// Family Gallery viewer: PhotoSwipe over the album's justified grid. The grid is plain links to the
// large renditions and the videos' MP4s, so everything works without this script; with it, a click
// opens the viewer. Each open photo or video has its own URL (#photo=<name>) and the back button
// closes the viewer.

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
    paddingFn: (viewport, item) => ({ top: 0, left: 0, right: 0, bottom: videoCaptionSpace(item) }),
  });
  showVideos(lightbox);

  lightbox.on('uiRegister', () => {
    const pswp = lightbox.pswp;
    pswp.ui.registerElement({
      name: 'download',
      order: 8,
      isButton: true,
      tagName: 'a',
      title: 'Download',
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
      name: 'live',
      order: 7,
      isButton: true,
      title: 'Play the Live Photo',
      html: '<span class="pswp__live-label">LIVE</span>',
      onInit: (button) => {
        pswp.on('change', () => {
          button.hidden = !pswp.currSlide.data.element.dataset.motion;
        });
      },
      onClick: () => playMotion(pswp.currSlide),
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

// Room below a video for its caption, so the caption does not cover the player's controls; a
// photo shows its caption over its lower edge.
const VIDEO_CAPTION_SPACE = 64;

function videoCaptionSpace(item) {
  if (item.type !== 'video') {
    return 0;
  }
  const data = item.element.dataset;
  return data.caption || data.takenAt || data.camera ? VIDEO_CAPTION_SPACE : 0;
}

// The height of a player's control bar and a little more: a press there is for the player.
const VIDEO_CONTROLS_HEIGHT = 56;

// A video slide is a <video> with the browser's own controls: it starts when played, like any
// video on the web, and stops when the viewer moves on or closes.
function showVideos(lightbox) {
  lightbox.on('contentLoad', (event) => {
    const { content } = event;
    if (content.type !== 'video') {
      return;
    }
    event.preventDefault();
    const video = document.createElement('video');
    video.className = 'pswp__video';
    video.controls = true;
    video.playsInline = true;
    video.preload = 'metadata';
    video.poster = content.data.element.dataset.poster;
    video.setAttribute('aria-label', content.data.alt || '');
    const source = document.createElement('source');
    source.src = content.data.src;
    source.type = 'video/mp4';
    video.append(source);
    // A click or a tap on the controls leaves the focus in them, where the arrow keys seek and never
    // reach the viewer; hand it back so the arrows move on as they do from a photo. Keyboard users
    // who tab into the controls (the only focus that is visible) keep them.
    video.addEventListener('focusin', () => {
      if (lightbox.pswp && !video.matches(':focus-visible')) {
        lightbox.pswp.element.focus({ preventScroll: true });
      }
    });
    content.element = video;
  });
  lightbox.on('contentDeactivate', ({ content }) => {
    stopMotion(content);
    if (content.element instanceof HTMLVideoElement) {
      content.element.pause();
    }
  });
  lightbox.on('contentDestroy', ({ content }) => {
    stopMotion(content);
    if (content.element instanceof HTMLVideoElement) {
      // A video out of the page keeps playing and loading until its source is gone.
      content.element.pause();
      content.element.replaceChildren();
      content.element.load();
    }
  });
  // Seeking on the control bar must not drag the slide; a swipe anywhere else still moves on.
  lightbox.on('pointerDown', (event) => {
    const video = lightbox.pswp.currSlide && lightbox.pswp.currSlide.content.element;
    if (!(video instanceof HTMLVideoElement)) {
      return;
    }
    const box = video.getBoundingClientRect();
    const { clientX, clientY } = event.originalEvent;
    if (clientX >= box.left && clientX <= box.right && clientY <= box.bottom
        && clientY >= box.bottom - VIDEO_CONTROLS_HEIGHT) {
      event.preventDefault();
    }
  });
}

// A Live Photo's motion plays once, with its sound, over the photo and at the photo's size, then
// the photo shows again.
function playMotion(slide) {
  const { content } = slide;
  if (content.motion || !content.element) {
    return;
  }
  const motion = document.createElement('video');
  motion.className = 'pswp__motion';
  motion.playsInline = true;
  motion.style.width = content.element.style.width;
  motion.style.height = content.element.style.height;
  const source = document.createElement('source');
  source.src = slide.data.element.dataset.motion;
  source.type = 'video/mp4';
  motion.append(source);
  content.motion = motion;
  motion.addEventListener('ended', () => stopMotion(content));
  motion.addEventListener('error', () => stopMotion(content));
  slide.container.append(motion);
  motion.play().catch(() => stopMotion(content));
}

function stopMotion(content) {
  if (content.motion) {
    content.motion.pause();
    content.motion.remove();
    content.motion = undefined;
  }
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
