"""The document vocabulary: what a family of budget documents looks like — its code grammar
(`codes`), the headings that open and close its sections (`sections`), the words of its
indicator-table headers (`columns`), of its money sections (`money`) and of its names
(`documents`). Sources and the parser both read it; it depends only on the model layer."""
