{{%AUTOESCAPE context="HTML"}}{{#ERRORS}}<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" id="error-summary">
  <h2 id="error-summary-title">{{HEADING}}</h2>
  <ul>
    {{#ITEM}}<li>{{#LINK}}<a href="#{{FIELD}}">{{MESSAGE}}</a>{{/LINK}}{{#PLAIN}}{{MESSAGE}}{{/PLAIN}}</li>{{/ITEM}}
  </ul>
</div>{{/ERRORS}}
