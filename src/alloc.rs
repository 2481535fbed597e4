//! The global allocator: mimalloc, asked for plain blocks wherever the
//! alignment allows.
//!
//! The `mimalloc` crate asks for every block with its alignment, and
//! mimalloc serves an aligned request of more than 1 KiB on a slow path
//! that over-allocates: a twentieth of the instructions of a national
//! check went there (docs/performance.md). Every mimalloc block is
//! aligned to a machine word, so a layout of that alignment or less is
//! asked for as a plain block; a larger alignment goes the aligned way.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys::{mi_free, mi_malloc, mi_realloc, mi_zalloc};
use mimalloc::MiMalloc;

/// The alignment of every block mimalloc hands out: its size classes are
/// whole machine words.
const WORD: usize = std::mem::size_of::<usize>();

pub struct Allocator;

// SAFETY: every block comes from mimalloc and goes back to `mi_free`,
// which frees plain and aligned blocks alike. A plain block is asked for
// only when the layout's alignment is at most a machine word, which every
// mimalloc block has; `mi_realloc` keeps that alignment. Other layouts go
// to `MiMalloc`, which asks for the alignment.
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            // SAFETY: a plain block for a layout mimalloc's alignment meets.
            unsafe { mi_malloc(layout.size()).cast() }
        } else {
            // SAFETY: the caller's contract, passed on.
            unsafe { MiMalloc.alloc(layout) }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            // SAFETY: as in `alloc`.
            unsafe { mi_zalloc(layout.size()).cast() }
        } else {
            // SAFETY: the caller's contract, passed on.
            unsafe { MiMalloc.alloc_zeroed(layout) }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` is a block of this allocator, so of mimalloc.
        unsafe { mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= WORD {
            // SAFETY: `ptr` is a block of mimalloc; the new block keeps a
            // word's alignment.
            unsafe { mi_realloc(ptr.cast::<c_void>(), new_size).cast() }
        } else {
            // SAFETY: the caller's contract, passed on.
            unsafe { MiMalloc.realloc(ptr, layout, new_size) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks of every size up to a few pages, at every alignment up to a
    /// page, come back aligned, keep what was written through a
    /// reallocation, and are freed.
    #[test]
    fn blocks_are_aligned_and_keep_their_contents() {
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in (1..3000).step_by(7).chain([4096, 5000, 70_000]) {
                let layout = Layout::from_size_align(size, align).expect("a layout");
                // SAFETY: a layout of non-zero size; each block is freed once.
                unsafe {
                    let p = Allocator.alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "size {size} align {align}");
                    p.write_bytes(0xAB, size);
                    let q = Allocator.realloc(p, layout, size * 2);
                    assert_eq!(q as usize % align, 0, "realloc size {size} align {align}");
                    assert!((0..size).all(|i| *q.add(i) == 0xAB));
                    Allocator.dealloc(q, Layout::from_size_align(size * 2, align).unwrap());
                    let z = Allocator.alloc_zeroed(layout);
                    assert_eq!(z as usize % align, 0);
                    assert!((0..size).all(|i| *z.add(i) == 0));
                    Allocator.dealloc(z, layout);
                }
            }
        }
    }
}
