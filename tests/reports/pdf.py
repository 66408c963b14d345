import io
import shutil
import subprocess

from openpyxl import load_workbook


def assert_pdf_contains(data: bytes, *phrases: str) -> None:
    """A real PDF; with pdftotext (poppler-utils) installed, also its text, whitespace
    collapsed so wrapped lines still match."""
    assert data.startswith(b"%PDF"), data[:20]
    assert len(data) > 1000
    if not shutil.which("pdftotext"):
        return  # WeasyPrint compresses its text streams: nothing to read without poppler
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    text = " ".join(text.split())
    missing = [p for p in phrases if p not in text]
    assert not missing, f"{missing} not in {text[:500]}"


def page_count(data: bytes) -> int:
    """The PDF's pages, as poppler's ``pdfinfo`` reads them."""
    info = subprocess.run(["pdfinfo", "-"], input=data, capture_output=True, check=True).stdout
    return int(
        next(line.split()[1] for line in info.decode().splitlines() if line.startswith("Pages:"))
    )


def sheets(data: bytes) -> dict[str, list[tuple]]:
    workbook = load_workbook(io.BytesIO(data))
    return {name: list(workbook[name].iter_rows(values_only=True)) for name in workbook.sheetnames}
