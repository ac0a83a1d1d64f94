//! A paper's links and the one list of link kinds: what each is called in a snapshot
//! (`links.code`), how a card labels it, and the order both are written and shown in.

/// A kind of link of snapshot format v1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LinkKind {
    Code,
    Project,
    Arxiv,
    Pdf,
    Slides,
    Poster,
    Video,
    Blog,
    Data,
    Supplement,
    Hf,
    Doi,
    Url,
}

impl LinkKind {
    /// Every kind, in the order links are written and shown.
    pub const ALL: [LinkKind; 13] = [
        LinkKind::Code,
        LinkKind::Project,
        LinkKind::Arxiv,
        LinkKind::Pdf,
        LinkKind::Slides,
        LinkKind::Poster,
        LinkKind::Video,
        LinkKind::Blog,
        LinkKind::Data,
        LinkKind::Supplement,
        LinkKind::Hf,
        LinkKind::Doi,
        LinkKind::Url,
    ];

    /// The key in a snapshot's `links` object.
    pub fn name(self) -> &'static str {
        self.spelling().0
    }

    /// The label of the kind's button on a card.
    pub fn label(self) -> &'static str {
        self.spelling().1
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    fn spelling(self) -> (&'static str, &'static str) {
        match self {
            LinkKind::Code => ("code", "Code"),
            LinkKind::Project => ("project", "Project page"),
            LinkKind::Arxiv => ("arxiv", "arXiv"),
            LinkKind::Pdf => ("pdf", "PDF"),
            LinkKind::Slides => ("slides", "Slides"),
            LinkKind::Poster => ("poster", "Poster"),
            LinkKind::Video => ("video", "Video"),
            LinkKind::Blog => ("blog", "Blog post"),
            LinkKind::Data => ("data", "Data"),
            LinkKind::Supplement => ("supplement", "Supplement"),
            LinkKind::Hf => ("hf", "Hugging Face"),
            LinkKind::Doi => ("doi", "DOI"),
            LinkKind::Url => ("url", "Link"),
        }
    }
}

/// A paper's links; each is an absolute http(s) URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Links {
    pub code: Option<String>,
    pub project: Option<String>,
    pub arxiv: Option<String>,
    pub pdf: Option<String>,
    pub slides: Option<String>,
    pub poster: Option<String>,
    pub video: Option<String>,
    pub blog: Option<String>,
    pub data: Option<String>,
    pub supplement: Option<String>,
    pub hf: Option<String>,
    pub doi: Option<String>,
    pub url: Option<String>,
}

impl Links {
    pub fn get(&self, kind: LinkKind) -> Option<&str> {
        let slot = match kind {
            LinkKind::Code => &self.code,
            LinkKind::Project => &self.project,
            LinkKind::Arxiv => &self.arxiv,
            LinkKind::Pdf => &self.pdf,
            LinkKind::Slides => &self.slides,
            LinkKind::Poster => &self.poster,
            LinkKind::Video => &self.video,
            LinkKind::Blog => &self.blog,
            LinkKind::Data => &self.data,
            LinkKind::Supplement => &self.supplement,
            LinkKind::Hf => &self.hf,
            LinkKind::Doi => &self.doi,
            LinkKind::Url => &self.url,
        };
        slot.as_deref()
    }

    /// The link of `kind`, to read or replace.
    pub fn slot_mut(&mut self, kind: LinkKind) -> &mut Option<String> {
        match kind {
            LinkKind::Code => &mut self.code,
            LinkKind::Project => &mut self.project,
            LinkKind::Arxiv => &mut self.arxiv,
            LinkKind::Pdf => &mut self.pdf,
            LinkKind::Slides => &mut self.slides,
            LinkKind::Poster => &mut self.poster,
            LinkKind::Video => &mut self.video,
            LinkKind::Blog => &mut self.blog,
            LinkKind::Data => &mut self.data,
            LinkKind::Supplement => &mut self.supplement,
            LinkKind::Hf => &mut self.hf,
            LinkKind::Doi => &mut self.doi,
            LinkKind::Url => &mut self.url,
        }
    }

    pub fn set(&mut self, kind: LinkKind, url: String) {
        *self.slot_mut(kind) = Some(url);
    }

    /// The links present, as `(kind, url)` in [`LinkKind::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (LinkKind, &str)> + '_ {
        LinkKind::ALL.into_iter().filter_map(|k| self.get(k).map(|u| (k, u)))
    }

    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_named_once_and_reads_back() {
        let names: Vec<_> = LinkKind::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(
            names,
            [
                "code",
                "project",
                "arxiv",
                "pdf",
                "slides",
                "poster",
                "video",
                "blog",
                "data",
                "supplement",
                "hf",
                "doi",
                "url"
            ]
        );
        for kind in LinkKind::ALL {
            assert_eq!(LinkKind::from_name(kind.name()), Some(kind));
        }
        assert_eq!(LinkKind::from_name("Code"), None);
    }

    #[test]
    fn set_get_and_iterate_in_order() {
        let mut links = Links::default();
        assert!(links.is_empty());
        links.set(LinkKind::Url, "https://u.example".into());
        links.set(LinkKind::Code, "https://c.example".into());
        assert_eq!(links.get(LinkKind::Code), Some("https://c.example"));
        assert_eq!(links.code.as_deref(), Some("https://c.example"));
        let all: Vec<_> = links.iter().collect();
        assert_eq!(all, [(LinkKind::Code, "https://c.example"), (LinkKind::Url, "https://u.example")]);
    }
}
