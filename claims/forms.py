"""Forms: they normalise and validate; the services do the writing."""

from __future__ import annotations

from django import forms
from django.conf import settings

from claims.importing import ArticleInputError, ParsedArticle, parse_import_text, parse_upload
from claims.models import Claim, Conflict, Decision, Event


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def clean_title(self) -> str:
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise forms.ValidationError("Give the event a title.")
        return title


class PastedTextField(forms.CharField):
    """Text pasted from PDFs or broken pages may hold NUL bytes: removed, not refused."""

    def to_python(self, value) -> str:
        return super().to_python(value).replace("\x00", "")


class ArticleForm(forms.Form):
    """Paste text or upload a .txt/.html file; the optional fields override what the file says."""

    text = PastedTextField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 10, "placeholder": "Paste the article text here"}),
        help_text="The first line is used as the headline when no headline is given.",
    )
    file = forms.FileField(required=False, help_text=".txt (import format) or .html")
    title = forms.CharField(max_length=500, required=False, label="Headline")
    outlet = forms.CharField(max_length=200, required=False)
    url = forms.URLField(max_length=2000, required=False, assume_scheme="https", label="URL")
    published_on = forms.DateField(
        required=False, label="Published", widget=forms.DateInput(attrs={"type": "date"})
    )
    byline = forms.CharField(max_length=300, required=False)

    def clean_text(self) -> str:
        return self.cleaned_data["text"].replace("\x00", "")

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > settings.NEWSDESK_MAX_ARTICLE_BYTES:
            limit_mb = settings.NEWSDESK_MAX_ARTICLE_BYTES / 1_000_000
            raise forms.ValidationError(
                f"{upload.name} is {upload.size / 1_000_000:.1f} MB; the limit is {limit_mb:g} MB."
            )
        return upload

    def clean(self) -> dict:
        data = super().clean()
        text, upload = data.get("text", ""), data.get("file")
        if self.errors:
            return data
        if upload and text.strip():
            raise forms.ValidationError("Paste text or upload a file, not both.")
        if not upload and not text.strip():
            raise forms.ValidationError("Paste the article's text or choose a file to upload.")
        try:
            if upload:
                parsed = parse_upload(upload.name, upload.read())
            else:
                parsed = self._parse_paste(text, has_title=bool(data.get("title")))
        except ArticleInputError as exc:
            raise forms.ValidationError(str(exc)) from exc
        data["parsed"] = ParsedArticle(
            title=data.get("title") or parsed.title,
            body=parsed.body,
            url=data.get("url") or parsed.url,
            outlet=data.get("outlet") or parsed.outlet,
            published_on=data.get("published_on") or parsed.published_on,
            byline=data.get("byline") or parsed.byline,
        )
        return data

    @staticmethod
    def _parse_paste(text: str, *, has_title: bool) -> ParsedArticle:
        if has_title:
            return ParsedArticle(title="", body=text.strip())
        return parse_import_text(text)


class ResolveForm(forms.Form):
    decision = forms.ChoiceField(choices=Decision.choices)
    claim = forms.ModelChoiceField(queryset=Claim.objects.none(), required=False)
    note = forms.CharField(
        required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )
    source_url = forms.URLField(
        required=False, max_length=2000, assume_scheme="https", label="Source URL"
    )
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, conflict: Conflict, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.conflict = conflict
        self.fields["claim"].queryset = conflict.claims.all()

    def clean(self) -> dict:
        data = super().clean()
        if data.get("decision") == Decision.PICK and not data.get("claim"):
            raise forms.ValidationError("Choose the version you trust.")
        return data


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one ``<input type="file" multiple>``; cleans to a list."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,.html,.htm"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None) -> list:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class FetchForm(forms.Form):
    """Step one of adding by URL: the address to fetch (the page is then shown for review)."""

    fetch_url = forms.URLField(max_length=2000, assume_scheme="https", label="Article URL")


class BulkUploadForm(forms.Form):
    """Several files and/or URLs at once; each is stored (or refused) on its own."""

    MAX_FILES = 20
    MAX_URLS = 10

    files = MultipleFileField(
        required=False, label="Files", help_text=f".txt or .html, up to {MAX_FILES} at a time"
    )
    urls = forms.CharField(
        required=False,
        max_length=MAX_URLS * 2100,
        label="URLs",
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "https://… (one per line)"}),
        help_text=f"One address per line, up to {MAX_URLS}.",
    )

    def clean_files(self) -> list:
        files = self.cleaned_data["files"]
        if len(files) > self.MAX_FILES:
            raise forms.ValidationError(
                f"That is {len(files)} files; add at most {self.MAX_FILES} at a time."
            )
        return files

    def clean_urls(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["urls"].splitlines() if line.strip()]
        if len(lines) > self.MAX_URLS:
            raise forms.ValidationError(
                f"That is {len(lines)} addresses; add at most {self.MAX_URLS} at a time."
            )
        return list(dict.fromkeys(lines))  # the same address twice is fetched once

    def clean(self) -> dict:
        data = super().clean()
        if not self.errors and not data.get("files") and not data.get("urls"):
            raise forms.ValidationError("Choose one or more files or give one or more URLs.")
        return data
